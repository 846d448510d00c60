package nl.bijstandsportaal.platform.security;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Browser session timing: 15 minutes idle, a warning 2 minutes before, the cookie renewed at most once a minute. */
@ConfigurationProperties("portal.session")
public class SessionSettings {

    private int idleTimeoutSeconds = 900;
    private int warningBeforeSeconds = 120;
    private int renewAfterSeconds = 60;
    private int absoluteLifetimeSeconds = 12 * 3600;
    private int cacheSeconds = 5;

    /** A web session ends this long after login, however active (ADR 0039). */
    public int getAbsoluteLifetimeSeconds() {
        return absoluteLifetimeSeconds;
    }

    public void setAbsoluteLifetimeSeconds(int absoluteLifetimeSeconds) {
        this.absoluteLifetimeSeconds = absoluteLifetimeSeconds;
    }

    /** How long an instance trusts what it read of a session record or an employee's roles (ADR 0039). */
    public int getCacheSeconds() {
        return cacheSeconds;
    }

    public void setCacheSeconds(int cacheSeconds) {
        this.cacheSeconds = cacheSeconds;
    }

    public int getIdleTimeoutSeconds() {
        return idleTimeoutSeconds;
    }

    public void setIdleTimeoutSeconds(int idleTimeoutSeconds) {
        this.idleTimeoutSeconds = idleTimeoutSeconds;
    }

    public int getWarningBeforeSeconds() {
        return warningBeforeSeconds;
    }

    public void setWarningBeforeSeconds(int warningBeforeSeconds) {
        this.warningBeforeSeconds = warningBeforeSeconds;
    }

    public int getRenewAfterSeconds() {
        return renewAfterSeconds;
    }

    public void setRenewAfterSeconds(int renewAfterSeconds) {
        this.renewAfterSeconds = renewAfterSeconds;
    }
}
