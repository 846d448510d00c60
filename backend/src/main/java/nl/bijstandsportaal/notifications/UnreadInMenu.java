package nl.bijstandsportaal.notifications;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.security.CurrentUser;

import java.util.HashMap;
import java.util.Map;

/**
 * Puts the number of unread messages ({@code unreadMessages}) in the model of every page a citizen sees, so the menu
 * can say "Berichten (2 nieuw)". Runs where the page is rendered, after the controller, on its (blocking) thread.
 * A controller that already has the count (the home page gets it with the profile) puts it in the model itself.
 */
@Singleton
class UnreadInMenu implements ViewModelProcessor<Map<String, Object>> {

    static final String MODEL_KEY = "unreadMessages";

    private final InboxService inbox;

    UnreadInMenu(InboxService inbox) {
        this.inbox = inbox;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        CurrentUser.of(request).filter(CurrentUser::isCitizen).ifPresent(user -> {
            Map<String, Object> model = modelAndView.getModel().orElse(null);
            if (model != null && model.containsKey(MODEL_KEY)) {
                return; // the controller counted already, in its own query (the home page)
            }
            Map<String, Object> mutable = model == null ? new HashMap<>() : new HashMap<>(model);
            mutable.put(MODEL_KEY, inbox.unread(user.id()));
            modelAndView.setModel(mutable);
        });
    }
}
