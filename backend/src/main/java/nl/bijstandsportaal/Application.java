package nl.bijstandsportaal;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The self-service portal for people on bijstand and their consulenten. */
@OpenAPIDefinition(info = @Info(
        title = "bijstandsportaal",
        version = "0.1",
        description = "Mobile API of the bijstandsportaal. Errors are application/problem+json (RFC 9457). "
                + "Login for apps: see docs/mobile-login.md."))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
