package nl.bijstandsportaal.platform.security;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Browser session timing: 15 minutes idle, a warning 2 minutes before, the cookie renewed at most once a minute. */
@ConfigurationProperties("portal.session")
public class SessionSettings {

    private int idleTimeoutSeconds = 900;
    private int warningBeforeSeconds = 120;
    private int renewAfterSeconds = 60;

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
