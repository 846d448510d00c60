package nl.bijstandsportaal.appointments;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.i18n.Messages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The calendar file of an appointment for the web page and the app alike: the texts in the reader's language, served
 * as a download ("Content-Disposition: attachment"), never cached.
 */
@Singleton
class AppointmentCalendar {

    static final MediaType TEXT_CALENDAR = MediaType.of("text/calendar;charset=utf-8");

    private final Appointments appointments;
    private final Messages messages;
    private final String baseUrl;

    AppointmentCalendar(Appointments appointments, Messages messages, @Value("${portal.base-url}") String baseUrl) {
        this.appointments = appointments;
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    String text(Appointments.Appointment a, Locale locale) {
        String page = baseUrl + Appointments.link(a.publicId());
        String location = switch (a.how()) {
            case KANTOOR, VIDEO -> a.place();
            case TELEFOON -> messages.get(locale, "appointment.ics.phone");
        };
        List<String> lines = new ArrayList<>();
        lines.add(a.about());
        if (a.how() == AppointmentForm.How.VIDEO) {
            lines.add(messages.get(locale, "appointment.ics.video", a.place()));
        }
        if (a.bring() != null) {
            lines.add(messages.get(locale, "appointment.ics.bring", a.bring()));
        }
        lines.add(messages.get(locale, "appointment.ics.more", page));
        return CalendarFile.write(appointments.calendarEvent(a, messages.get(locale, "appointment.ics.summary", a.about()), location,
                String.join("\n", lines), page));
    }

    HttpResponse<byte[]> file(Appointments.Appointment a, Locale locale) {
        return HttpResponse.ok(text(a, locale).getBytes(StandardCharsets.UTF_8))
                .contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"afspraak-" + a.day() + ".ics\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
