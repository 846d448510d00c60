package nl.bijstandsportaal.appointments;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.HomeTasks;
import nl.bijstandsportaal.account.HomeTips;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;

import java.util.List;

/** Coming appointments on the citizen's home page: not answered yet first in words, each with a link to answer or look. */
@Singleton
class AppointmentTasks implements HomeTasks {

    private final Appointments appointments;

    AppointmentTasks(Appointments appointments) {
        this.appointments = appointments;
    }

    @Override
    public List<HomeTips.Tip> tasksFor(CurrentUser citizen) {
        return appointments.forCitizen(citizen.id()).stream().filter(Appointments.Appointment::canAnswer).map(a -> switch (a.answer()) {
            case GEEN -> new HomeTips.Tip(Text.of("appointment.task.GEEN", a.when(), a.about()), Appointments.link(a.publicId()),
                    Text.of("appointment.task.GEEN.link"));
            case BEVESTIGD -> new HomeTips.Tip(Text.of("appointment.task.BEVESTIGD", a.when(), a.about()), Appointments.link(a.publicId()),
                    Text.of("appointment.task.link"));
            case ANDERE_TIJD -> new HomeTips.Tip(Text.of("appointment.task.ANDERE_TIJD", a.when(), a.about()), Appointments.link(a.publicId()),
                    Text.of("appointment.task.link"));
        }).toList();
    }
}
