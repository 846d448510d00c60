package nl.bijstandsportaal.platform.db;

import nl.bijstandsportaal.platform.Pure;

import java.util.Locale;
import java.util.Optional;

/**
 * TLS to a database of its own (DB_URL): required, with the server's certificate checked (ADR 0042). The URL must say
 * {@code sslMode=VERIFY_IDENTITY} (or {@code VERIFY_CA}); anything weaker stops the start-up. The one way out is a
 * database on the same machine: with {@code DB_TLS=off-on-this-host} a URL to a loopback address or a unix socket
 * may go without TLS (logged as a warning at every start).
 */
@Pure
public final class DatabaseTls {

    public static final String OPT_OUT = "off-on-this-host";

    private DatabaseTls() {
    }

    /** Why this URL may not be used, or empty when it may. {@code setting}: the value of DB_TLS (may be empty). */
    public static Optional<String> problem(String url, String setting) {
        String mode = parameter(url, "sslMode").map(m -> m.toUpperCase(Locale.ROOT)).orElse("");
        boolean verified = mode.equals("VERIFY_IDENTITY") || mode.equals("VERIFY_CA");
        String optOut = setting == null ? "" : setting.trim();
        if (!optOut.isEmpty() && !optOut.equals(OPT_OUT)) {
            return Optional.of("DB_TLS may only be empty or '" + OPT_OUT + "', not '" + optOut + "'.");
        }
        if (verified) {
            return Optional.empty();
        }
        if (optOut.equals(OPT_OUT)) {
            return onThisHost(url) ? Optional.empty()
                    : Optional.of("DB_TLS=" + OPT_OUT + " is only for a database on this machine (a loopback address or a "
                    + "unix socket); DB_URL points elsewhere, so it needs sslMode=VERIFY_IDENTITY (docs/configuration.md).");
        }
        return Optional.of("DB_URL does not require TLS with a checked certificate"
                + (mode.isEmpty() ? "" : " (sslMode=" + mode + ")")
                + ": add sslMode=VERIFY_IDENTITY (or VERIFY_CA) and the CA's trust store (docs/operations.md); for a database "
                + "on this machine only, DB_TLS=" + OPT_OUT + " switches this off.");
    }

    /** Whether the URL reaches the database on this machine only: a unix socket, or a loopback address. */
    public static boolean onThisHost(String url) {
        if (parameter(url, "junixsocket.file").isPresent() || parameter(url, "socketFactory")
                .map(f -> f.toLowerCase(Locale.ROOT).contains("unix")).orElse(false)) {
            return true;
        }
        int start = url.indexOf("//");
        if (start < 0) {
            return false;
        }
        String rest = url.substring(start + 2);
        int end = rest.length();
        for (char c : new char[]{'/', '?'}) {
            int i = rest.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        String hosts = rest.substring(0, end);
        if (hosts.isEmpty() || hosts.contains(",") || hosts.contains("@")) {
            return false;
        }
        String host = hosts.startsWith("[") ? hosts.substring(1, Math.max(1, hosts.indexOf(']')))
                : hosts.contains(":") ? hosts.substring(0, hosts.indexOf(':')) : hosts;
        host = host.toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.equals("::1") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static Optional<String> parameter(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        Optional<String> found = Optional.empty();
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equalsIgnoreCase(name)) {
                found = Optional.of(eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return found;
    }
}
