package nl.bijstandsportaal.notifications;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The link of a message as the app needs it (ADR 0048): an API path ({@code /api/v1/aanvragen/123}) that the app turns
 * into its own screen, not the web page the message is stored with ({@code /aanvragen/123}). The outbox keeps the web
 * path, which the web inbox and the e-mail use; the app's inbox ({@code GET /api/v1/meldingen}) and the data of a push
 * to the app carry the API path made here.
 */
public final class ApiLinks {

    private static final String ID = "([A-Za-z0-9_-]{1,64})";
    private static final Pattern DOCUMENT = Pattern.compile("/documenten/" + ID);
    private static final Pattern APPOINTMENT = Pattern.compile("/afspraken/" + ID);
    private static final Pattern CONVERSATION = Pattern.compile("/gesprekken/" + ID);
    private static final Pattern APPLICATION = Pattern.compile("/aanvragen/" + ID + "(?:/.*)?");
    private static final Pattern INCOME = Pattern.compile("/inkomsten/" + ID + "(?:/verstuurd|/bronnen)?");
    private static final Pattern CHANGE = Pattern.compile("/wijziging/verstuurd/" + ID);
    private static final Pattern MESSAGE = Pattern.compile("/berichten/" + ID);

    private ApiLinks() {
    }

    /** The API path for a web path of the portal, or null when the app has nothing for it. */
    public static String of(String webPath) {
        if (webPath == null) {
            return null;
        }
        String path = webPath;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int fragment = path.indexOf('#');
        if (fragment >= 0) {
            path = path.substring(0, fragment);
        }
        if (path.equals("/rechten") || path.equals("/rechten-en-plichten")) {
            return "/api/v1/rechten";
        }
        if (path.equals("/berichten")) {
            return "/api/v1/meldingen";
        }
        if (path.equals("/inkomsten")) {
            return "/api/v1/inkomsten";
        }
        String id;
        if ((id = match(DOCUMENT, path)) != null) {
            return "/api/v1/documentverzoeken/" + id;
        }
        if ((id = match(APPOINTMENT, path)) != null) {
            return "/api/v1/afspraken/" + id;
        }
        if ((id = match(CONVERSATION, path)) != null) {
            return "/api/v1/gesprekken/" + id;
        }
        if ((id = match(APPLICATION, path)) != null) {
            return "/api/v1/aanvragen/" + id;
        }
        if ((id = match(INCOME, path)) != null) {
            return "/api/v1/inkomsten/" + id;
        }
        if ((id = match(CHANGE, path)) != null) {
            return "/api/v1/wijzigingen/" + id;
        }
        if ((id = match(MESSAGE, path)) != null) {
            return "/api/v1/meldingen/" + id;
        }
        return null;
    }

    /**
     * For a push to the app: the API path of the message's subject, or else the message itself in the app's inbox (also
     * when the link is only the inbox, "/berichten", which the dispatcher gives a message without a link).
     */
    public static String forPush(String webPath, String messageId) {
        String api = of(webPath);
        return api != null && !api.equals("/api/v1/meldingen") ? api : "/api/v1/meldingen/" + messageId;
    }

    private static String match(Pattern pattern, String path) {
        Matcher m = pattern.matcher(path);
        return m.matches() ? m.group(1) : null;
    }
}
