package nl.bijstandsportaal.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.validation.Validated;
import nl.bijstandsportaal.api.v1.Device;
import nl.bijstandsportaal.api.v1.DeviceRegistration;
import nl.bijstandsportaal.api.v1.DevicesApi;
import nl.bijstandsportaal.api.v1.Me;
import nl.bijstandsportaal.api.v1.MeApi;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.NotFoundException;

import java.util.List;

/** The mobile API routes of the account capability; the routes themselves are declared in mobile-api. */
final class MobileApiControllers {

    private MobileApiControllers() {
    }

    static CurrentUser citizen(SecurityService security) {
        return security.getAuthentication().map(CurrentUser::require)
                .filter(CurrentUser::isCitizen)
                .orElseThrow(NotFoundException::new);
    }

    @Controller
    @Secured(Roles.CITIZEN)
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class MeController implements MeApi {
        private final SecurityService security;
        private final AccountRepository accounts;

        MeController(SecurityService security, AccountRepository accounts) {
            this.security = security;
            this.accounts = accounts;
        }

        @Override
        public Me me() {
            CurrentUser user = citizen(security);
            CitizenProfile p = accounts.profile(user.id(), user.gemeenteId()).orElseThrow(NotFoundException::new);
            Me.Consulent consulent = p.consulent() == null ? null
                    : new Me.Consulent(p.consulent().naam(), p.consulent().email(), p.consulent().telefoon());
            return new Me(p.voornaam(), p.achternaam(),
                    new Me.Gemeente(p.gemeente().code(), p.gemeente().naam(), p.gemeente().telefoon(), p.gemeente().website()),
                    consulent, accounts.confirmedEmail(user.id()).orElse(null));
        }
    }

    @Controller
    @Validated
    @Secured(Roles.CITIZEN)
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class DevicesController implements DevicesApi {
        private final SecurityService security;
        private final DeviceService devices;

        DevicesController(SecurityService security, DeviceService devices) {
            this.security = security;
            this.devices = devices;
        }

        /** The app login that asks (null for a token without one). */
        private String appSession() {
            return security.getAuthentication().flatMap(CurrentUser::appSession).orElse(null);
        }

        @Override
        public HttpResponse<Device> register(@Nullable String idempotencyKey, DeviceRegistration registration) {
            return devices.register(citizen(security).id(), appSession(), idempotencyKey, registration);
        }

        @Override
        public List<Device> list() {
            return devices.list(citizen(security).id(), appSession());
        }

        @Override
        public HttpResponse<Void> remove(String id) {
            devices.remove(citizen(security).id(), id);
            return HttpResponse.noContent();
        }
    }
}
