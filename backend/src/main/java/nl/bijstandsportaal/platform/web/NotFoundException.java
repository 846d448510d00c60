package nl.bijstandsportaal.platform.web;

/**
 * The thing asked for does not exist for the person asking. Also thrown when it exists but belongs to someone
 * else: another citizen's data gives the same 404 as data that is not there, so nothing leaks.
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException() {
        super("not found", null, false, false);
    }
}
