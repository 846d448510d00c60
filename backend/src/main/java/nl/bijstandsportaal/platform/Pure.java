package nl.bijstandsportaal.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A pure class: rules and calculations that take what they need as arguments and return a result with its
 * explanation. No web, database, framework or clock: tests call it directly, and the boundary test
 * (architecture.BoundariesTest) holds every class marked so to that.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Pure {
}
