# Sourced by bench/crash.sh and bench/two-instances.sh: counts what a run stored and sent. Needs the function sql
# (runs statements on the portal's database, prints rows tab-separated), RESULTS, RUN, PUSHES (the fake FCM server's
# file) and say (prints and records a line). Sets LOST DOUBLED UNACKED PUSH_LOST NOT_SENT NOT_COLLAPSIBLE ACKED.

# drain_outbox SECONDS: waits until no delivery of this run's push batches waits any more.
drain_outbox() {
  local waiting
  for _ in $(seq 1 $(( $1 * 2 ))); do
    waiting=$(sql "SELECT COUNT(*) FROM portal.bezorging b JOIN portal.melding m ON m.id = b.melding_id WHERE m.sleutel LIKE 'crash/$RUN/%' AND b.status = 'WACHT'")
    [ "$waiting" = 0 ] && return 0
    sleep 0.5
  done
  return 1
}

# count_run: income reports acknowledged to the clients against those stored (each key is the name of its report's
# one income source), push deliveries against what the fake FCM server accepted.
count_run() {
  sql "SELECT naam, COUNT(*) FROM portal.inkomstenbron WHERE naam LIKE 'crash-$RUN-%' GROUP BY naam" >"$RESULTS/stored-$RUN.txt"
  sql "SELECT d.push_token, m.public_id, b.status FROM portal.bezorging b JOIN portal.melding m ON m.id = b.melding_id
         JOIN portal.device d ON d.id = b.device_id WHERE m.sleutel LIKE 'crash/$RUN/%'" >"$RESULTS/deliveries-$RUN.txt"
  read -r ACKED RETRIED LOST DOUBLED UNACKED < <(awk '
    FNR == NR { acked[$1] = 1; n++; if ($3 > 1) retried++; next }
    { stored[$1] = $2 }
    END {
      for (k in acked) if (!(k in stored)) lost++
      for (k in stored) { if (stored[k] > 1) doubled++; if (!(k in acked)) unacked++ }
      print n + 0, retried + 0, lost + 0, doubled + 0, unacked + 0 }' "$RESULTS/acked-$RUN.txt" FS='\t' "$RESULTS/stored-$RUN.txt")
  local deliveries pairs_twice extra batches
  batches=$(sql "SELECT COUNT(DISTINCT sleutel) FROM portal.melding WHERE sleutel LIKE 'crash/$RUN/%'")
  read -r deliveries NOT_SENT PUSH_LOST pairs_twice extra NOT_COLLAPSIBLE < <(awk '
    FNR == NR { want[$1 " " $2] = 1; n++; if ($3 != "VERSTUURD") notsent++; next }
    ($1 " " $2) in want { got[$1 " " $2]++; if ($3 != $2 || $4 != $2 || $5 != $2) bad++ }
    END {
      for (p in want) if (!(p in got)) lost++
      for (p in got) if (got[p] > 1) { twice++; extra += got[p] - 1 }
      print n + 0, notsent + 0, lost + 0, twice + 0, extra + 0, bad + 0 }' FS='\t' "$RESULTS/deliveries-$RUN.txt" FS=' ' "$PUSHES")
  say "Income reports: $ACKED acknowledged ($RETRIED of them after one or more retries), lost $LOST, doubled $DOUBLED, stored but never acknowledged $UNACKED"
  local all
  all=$(awk '{ n++; got[$1 " " $2]++; if ($3 != $2 || $4 != $2 || $5 != $2) bad++ }
    END { for (p in got) if (got[p] > 1) twice++; printf "%d accepted, %d distinct (phone, message), %d arrived twice, %d without the message id as collapse key", n, length(got), twice, bad }' "$PUSHES")
  say "All pushes FCM accepted in this run (the batches and any reminders the schedulers wrote): $all"
  say "Pushes: $deliveries deliveries in $batches batches, not sent $NOT_SENT, lost $PUSH_LOST, arrived twice $pairs_twice ($extra extra copies); copies without the message id as collapse key, apns-collapse-id and tag: $NOT_COLLAPSIBLE"
}

# verdict: RESULT: OK when nothing was lost or doubled and every doubled push collapses; else FAILED (exit 1).
verdict() {
  if [ "$LOST" = 0 ] && [ "$DOUBLED" = 0 ] && [ "$UNACKED" = 0 ] && [ "$PUSH_LOST" = 0 ] && [ "$NOT_SENT" = 0 ] \
     && [ "$NOT_COLLAPSIBLE" = 0 ] && [ "$ACKED" -gt 0 ]; then
    say "RESULT: OK"
  else
    say "RESULT: FAILED"
    exit 1
  fi
}

# push_batch NAME PREFIX: a message for every citizen with bench phones (push_token 'crash-%'), a delivery per phone,
# as the outbox writes them; the message ids are UUIDs whose last group starts with PREFIX (8 hex digits,
# batch_prefix; the server's UUID() keeps its varying time part in front), so the pushes of this batch can be told
# apart in the fake FCM server's file. Prints the number of deliveries.
push_batch() {
  sql "INSERT INTO portal.melding (public_id, burger_id, onderwerp, sleutel, tekst, link, aangemaakt_op)
         SELECT CONCAT(LEFT(UUID(), 24), '$2', '0000'), burger_id, 'BERICHTEN', 'crash/$RUN/$1', 'notification.message.new', '/berichten', UTC_TIMESTAMP(6)
         FROM portal.device WHERE push_token LIKE 'crash-%' GROUP BY burger_id" \
    "INSERT INTO portal.bezorging (melding_id, kanaal, device_id, status, niet_voor)
         SELECT m.id, 'PUSH', d.id, 'WACHT', UTC_TIMESTAMP(6) FROM portal.melding m
         JOIN portal.device d ON d.burger_id = m.burger_id AND d.push_token LIKE 'crash-%' WHERE m.sleutel = 'crash/$RUN/$1'" \
    "SELECT COUNT(*) FROM portal.bezorging b JOIN portal.melding m ON m.id = b.melding_id WHERE m.sleutel = 'crash/$RUN/$1'"
}

# bench_phones N: no quiet hours for the benchmark citizens (a run may be at night), three phones each for the first N.
bench_phones() {
  sql "UPDATE portal.burger SET stille_uren_van = '00:00:00', stille_uren_tot = '00:00:00' WHERE bsn NOT LIKE '99999%'" \
    "INSERT IGNORE INTO portal.device (public_id, burger_id, push_token, platform, app_version, created_at, last_seen_at)
       SELECT UUID(), b.id, CONCAT('crash-', b.id, '-', n.n), 'ANDROID', 'crash', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
       FROM (SELECT id FROM portal.burger WHERE bsn NOT LIKE '99999%' ORDER BY id LIMIT $1) b
       JOIN (SELECT 1 n UNION ALL SELECT 2 UNION ALL SELECT 3) n"
}

# batch_prefix N: the message-id prefix of this run's Nth push batch.
batch_prefix() { printf '%08x' $(( (RUN * 10 + $1) % 4294967296 )); }

# accepted PREFIX: how many pushes of the batch with PREFIX the fake FCM server has accepted so far.
accepted() { [ -f "$PUSHES" ] && awk -v p="$1" 'substr($2, 25, 8) == p { n++ } END { print n + 0 }' "$PUSHES" || echo 0; }

# income_periods TOKEN: the periods a benchmark citizen can report now (the running one is not open yet).
income_periods() {
  curl -sf -H "Authorization: Bearer $1" -H 'Accept: application/json' "$BASE/api/v1/inkomsten" | grep -o '{[^{}]*}' \
    | grep -v '"NOG_NIET"' | grep -o '"code":"[^"]*"' | sed 's/"code":"//; s/"$//' | tr '\n' ' '
}
