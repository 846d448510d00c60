package nl.bijstandsportaal.platform.web;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Only a relative path on this site is followed back; never another site, and never a line break. */
class LocalPathTest {

    @Test
    void localPathsAreKept() {
        assertEquals(Optional.of("/overzicht"), LocalPath.of("/overzicht"));
        assertEquals(Optional.of("/documenten/abc?gestuurd=ja#gestuurd"), LocalPath.of("/documenten/abc?gestuurd=ja#gestuurd"));
    }

    @Test
    void otherSitesAndOddCharactersAreNot() {
        for (String bad : new String[]{"https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil", "javascript:alert(1)",
                "/\r\nSet-Cookie: x=1", "/a b", "/a\tb", "overzicht", "", "http:/evil", "/%0d%0a".replace("%0d%0a", "\n")}) {
            assertEquals(Optional.empty(), LocalPath.of(bad), bad);
        }
        assertEquals(Optional.empty(), LocalPath.of(null));
        assertEquals("/", LocalPath.orHome("https://evil.example/"));
    }
}
