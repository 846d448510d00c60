package nl.bijstandsportaal.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import nl.bijstandsportaal.platform.web.ApiPaging;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.validation.Validated;
import nl.bijstandsportaal.api.v1.Inbox;
import nl.bijstandsportaal.api.v1.InboxApi;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.Problems;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The app's inbox and notification preferences: the same service and checks as the pages. */
@Controller
@Validated
@Secured(Roles.CITIZEN)
@ExecuteOn(TaskExecutors.BLOCKING)
class InboxApiController implements InboxApi {

    private final SecurityService security;
    private final InboxService inbox;
    private final Problems problems;

    InboxApiController(SecurityService security, InboxService inbox, Problems problems) {
        this.security = security;
        this.inbox = inbox;
        this.problems = problems;
    }

    @Override
    public HttpResponse<List<Inbox.Message>> messages(HttpRequest<?> request, @Nullable String aantal, @Nullable String na, @Nullable String gewijzigdSinds) {
        ApiPaging.Page page = ApiPaging.page(problems, aantal, na, gewijzigdSinds);
        ApiPaging.Slice<InboxService.Item> slice = inbox.page(citizen().id(), problems.locale(), page);
        return ApiPaging.withNext(HttpResponse.ok(slice.items().stream().map(InboxApiController::dto).toList()), request, page, slice);
    }

    @Override
    public Inbox.Message message(String id) {
        return dto(inbox.find(citizen().id(), id, problems.locale()));
    }

    private static Inbox.Message dto(InboxService.Item m) {
        return new Inbox.Message(m.publicId(), m.topic().name(), m.text(), ApiLinks.of(m.link()), m.createdAt(), m.read());
    }

    @Override
    public HttpResponse<Void> markRead(String id) {
        inbox.markRead(citizen().id(), id);
        return HttpResponse.noContent();
    }

    @Override
    public Inbox.Preferences preferences() {
        return dto(inbox.preferences(citizen().id()));
    }

    /** Topics left out keep their setting, and so do the quiet hours; 422 naming each field as the app sent it. */
    @Override
    public Inbox.Preferences savePreferences(Inbox.Preferences body) {
        long burgerId = citizen().id();
        Map<String, Text> errors = new LinkedHashMap<>();
        List<NotificationPreferences.Choice> choices = new ArrayList<>();
        Set<Topic> seen = EnumSet.noneOf(Topic.class);
        List<Inbox.TopicPreference> topics = body.onderwerpen() == null ? List.of() : body.onderwerpen();
        for (int i = 0; i < topics.size(); i++) {
            String at = "onderwerpen[" + i + "].";
            Inbox.TopicPreference t = topics.get(i);
            Optional<Topic> topic = t == null ? Optional.empty() : topic(t.onderwerp());
            if (topic.isEmpty()) {
                errors.put(at + "onderwerp", Text.of("notification.settings.error.topic"));
            } else if (!seen.add(topic.get())) {
                errors.put(at + "onderwerp", Text.of("notification.settings.error.twice"));
            }
            if (t == null || t.push() == null) {
                errors.put(at + "push", Text.of("notification.settings.error.onOff"));
            }
            if (t == null || t.email() == null) {
                errors.put(at + "email", Text.of("notification.settings.error.onOff"));
            }
            if (topic.isPresent() && t.push() != null && t.email() != null) {
                choices.add(new NotificationPreferences.Choice(topic.get(), t.push(), t.email()));
            }
        }
        QuietHours quietHours = null;
        if (body.stilleTijden() != null) {
            Map<String, Text> timeErrors = new LinkedHashMap<>();
            Optional<LocalTime> from = NotificationPreferences.quietTime(body.stilleTijden().van(), NotificationPreferences.FROM, timeErrors);
            Optional<LocalTime> until = NotificationPreferences.quietTime(body.stilleTijden().tot(), NotificationPreferences.UNTIL, timeErrors);
            timeErrors.forEach((field, error) -> errors.put(field.equals(NotificationPreferences.FROM) ? "stilleTijden.van" : "stilleTijden.tot", error));
            if (from.isPresent() && until.isPresent()) {
                quietHours = new QuietHours(from.get(), until.get());
            }
        }
        if (!errors.isEmpty()) {
            throw problems.invalid(errors);
        }
        inbox.save(burgerId, choices, quietHours);
        return dto(inbox.preferences(burgerId));
    }

    private static Optional<Topic> topic(String name) {
        for (Topic topic : Topic.values()) {
            if (topic.name().equals(name)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }

    private static Inbox.Preferences dto(NotificationPreferences p) {
        return new Inbox.Preferences(
                p.topics().stream().map(c -> new Inbox.TopicPreference(c.topic().name(), c.push(), c.email())).toList(),
                new Inbox.QuietHours(NotificationPreferences.shown(p.quietHours().from()),
                        NotificationPreferences.shown(p.quietHours().until())));
    }

    private CurrentUser citizen() {
        return CurrentUser.requireCitizen(security.getAuthentication());
    }
}
