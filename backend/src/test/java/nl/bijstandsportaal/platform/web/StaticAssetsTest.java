package nl.bijstandsportaal.platform.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticAssetsTest {

    private final StaticAssets assets = new StaticAssets();

    @Test
    void anAddressCarriesTheFingerprintOfTheFile() {
        String address = assets.address("/static/css/portal.css");
        assertTrue(address.matches("/static/css/portal\\.css\\?v=[0-9a-f]{12}"), address);
        assertEquals(address, assets.address("/static/css/portal.css"));
        assertTrue(assets.current("/static/css/portal.css", address.substring(address.indexOf('=') + 1)));
    }

    @Test
    void otherFingerprintsAndPathsAreNotCurrent() {
        assertFalse(assets.current("/static/css/portal.css", "000000000000"));
        assertFalse(assets.current("/static/css/portal.css", null));
        assertFalse(assets.current("/static/css/bestaat-niet.css", "000000000000"));
        assertFalse(assets.current("/static/../application.yml", "000000000000"));
        assertFalse(assets.current("/views/layout.ftlh", "000000000000"));
        assertThrows(IllegalArgumentException.class, () -> assets.address("/static/css/bestaat-niet.css"));
    }
}
