package nl.bijstandsportaal.platform.uploads;

import java.time.Instant;

/**
 * A file the citizen sent as proof (with an income report or a change), without its content: its public id, name,
 * size and when it came; {@code deletable}: she may still take it back (ADR 0055).
 */
public record ProofFile(String publicId, String name, int size, Instant addedAt, boolean deletable) {
}
