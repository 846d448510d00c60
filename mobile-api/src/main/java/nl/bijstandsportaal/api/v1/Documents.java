package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Documents the consulent asked the citizen for, and the files the citizen sent for them. */
public final class Documents {

    private Documents() {
    }

    /**
     * One request. {@code status}: OPEN (nothing sent yet), GESTUURD (files sent; the consulent will look at them),
     * AFGEROND (the consulent has what they need) or INGETROKKEN (no longer needed); {@code statusText} says it in the
     * request's language. {@code deadline}: the last day to send it; {@code late}: that day has passed and nothing
     * was sent; {@code canSend}: files can still be added (OPEN or GESTUURD).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(String id, String what, String why, LocalDate deadline, String status, String statusText,
                          boolean late, boolean canSend, Instant askedAt, @Nullable Instant sentAt, List<File> files) {
    }

    /** A file the citizen sent: the name as stored (photos are stored as JPEG or PNG without metadata), its size in bytes. */
    @Serdeable
    public record File(String name, long size, Instant addedAt) {
    }
}
