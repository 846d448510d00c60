package nl.bijstandsportaal.regelingen;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.CitizenProfile;
import nl.bijstandsportaal.account.HomeTips;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;

import java.util.List;

/** The regelingen a citizen may be entitled to, as tips on their home page, each with its reason. */
@Singleton
class RegelingenTips implements HomeTips {

    private final RegelingenService regelingen;

    RegelingenTips(RegelingenService regelingen) {
        this.regelingen = regelingen;
    }

    @Override
    public List<Tip> tipsFor(CurrentUser citizen, CitizenProfile profile) {
        return regelingen.tips(citizen, profile).stream()
                .map(r -> new Tip(r.tip(), "/regelingen/" + r.regeling().slug(), Text.of("regelingen.more", r.text("naam"))))
                .toList();
    }
}
