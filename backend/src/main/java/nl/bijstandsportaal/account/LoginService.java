package nl.bijstandsportaal.account;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns a proven identity into a session: a BSN from DigiD (or the demo mock) into a citizen, a subject from
 * the municipality's identity provider (or a demo account) into an employee with their roles. Every login
 * path ends here, so they all give the same session.
 */
@Singleton
public class LoginService {

    private final AccountRepository accounts;

    LoginService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Empty when the BSN is not valid or not known as a citizen of any municipality served here. */
    public Optional<Authentication> citizen(String bsnClaim) {
        if (!Bsn.isValid(bsnClaim)) {
            return Optional.empty();
        }
        return accounts.citizenByBsn(Bsn.parse(bsnClaim)).map(b -> CurrentUser.authentication(
                CurrentUser.Kind.CITIZEN, b.getId(), b.getGemeenteId(), b.getVoornaam(), List.of(Roles.CITIZEN)));
    }

    /** The session of a citizen already proven (the mobile app's refresh): empty when they are no longer known. */
    public Optional<Authentication> citizenById(long burgerId) {
        return accounts.citizen(burgerId).map(b -> CurrentUser.authentication(
                CurrentUser.Kind.CITIZEN, b.getId(), b.getGemeenteId(), b.getVoornaam(), List.of(Roles.CITIZEN)));
    }

    /** Empty when the subject is unknown or the account is switched off. */
    public Optional<Authentication> employee(String subject) {
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        return accounts.employeeBySubject(subject).map(m -> CurrentUser.authentication(
                CurrentUser.Kind.EMPLOYEE, m.getId(), m.getGemeenteId(), m.getNaam(),
                Arrays.stream(m.getRollen().split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList()));
    }
}
