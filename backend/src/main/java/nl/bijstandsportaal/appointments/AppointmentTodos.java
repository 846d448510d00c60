package nl.bijstandsportaal.appointments;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.Todo;
import nl.bijstandsportaal.account.TodoSource;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;

import java.util.List;

/**
 * Coming appointments on the citizen's to-do list: one not answered yet is to do (by its day); one confirmed, or for
 * which the citizen asked another time, is coming.
 */
@Singleton
class AppointmentTodos implements TodoSource {

    private final Appointments appointments;

    AppointmentTodos(Appointments appointments) {
        this.appointments = appointments;
    }

    @Override
    public List<Todo> todosFor(CurrentUser citizen) {
        return appointments.forCitizen(citizen.id()).stream().filter(Appointments.Appointment::canAnswer).map(a -> {
            String web = Appointments.link(a.publicId());
            String api = "/api/v1/afspraken/" + a.publicId();
            return switch (a.answer()) {
                case GEEN -> new Todo("afspraak/" + a.publicId(), Todo.Kind.AFSPRAAK, Text.of("appointment.task.GEEN", a.when(), a.about()), a.day(),
                        Todo.State.OPEN, web, api, Text.of("appointment.task.GEEN.link"));
                case BEVESTIGD -> new Todo("afspraak/" + a.publicId(), Todo.Kind.AFSPRAAK, Text.of("appointment.task.BEVESTIGD", a.when(), a.about()),
                        a.day(), Todo.State.KOMT_NOG, web, api, Text.of("appointment.task.link"));
                case ANDERE_TIJD -> new Todo("afspraak/" + a.publicId(), Todo.Kind.AFSPRAAK, Text.of("appointment.task.ANDERE_TIJD", a.when(), a.about()),
                        a.day(), Todo.State.KOMT_NOG, web, api, Text.of("appointment.task.link"));
            };
        }).toList();
    }
}
