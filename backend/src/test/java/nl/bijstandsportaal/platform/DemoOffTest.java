package nl.bijstandsportaal.platform;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.bijstandsportaal.testsupport.PortalTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With the demo off, its pages do not exist: the DigiD stand-ins and the page of recorded push messages and e-mails. */
@MicronautTest
class DemoOffTest extends PortalTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("portal.demo.enabled", "false");
        return properties;
    }

    @Test
    void theDemoPagesAreNotThere() {
        for (String path : new String[]{"/demo/verzonden", "/demo/digid", "/demo/medewerker"}) {
            assertEquals(404, browser().get(path).statusCode(), path);
        }
    }
}
