package nl.bijstandsportaal.notifications;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How long a push registration lives without the app being used (portal.devices): the app registers its token at
 * every start and login, which counts as seen.
 *
 * @param expireAfter a registration not seen for this long is removed (three months, like the app's login)
 * @param warnBefore  how long before that the citizen is told
 */
@ConfigurationProperties("portal.devices")
public record DeviceSettings(@Bindable(defaultValue = "90d") Duration expireAfter,
                             @Bindable(defaultValue = "14d") Duration warnBefore) {
}
