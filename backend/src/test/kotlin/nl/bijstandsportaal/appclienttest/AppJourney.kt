package nl.bijstandsportaal.appclienttest

import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.Json
import nl.bijstandsportaal.appclient.api.AanvragenApi
import nl.bijstandsportaal.appclient.api.AccountApi
import nl.bijstandsportaal.appclient.api.AfsprakenApi
import nl.bijstandsportaal.appclient.api.ApparatenApi
import nl.bijstandsportaal.appclient.api.DocumentenApi
import nl.bijstandsportaal.appclient.api.GesprekkenApi
import nl.bijstandsportaal.appclient.api.InkomstenApi
import nl.bijstandsportaal.appclient.api.MeldingenApi
import nl.bijstandsportaal.appclient.api.RechtenEnPlichtenApi
import nl.bijstandsportaal.appclient.api.RegelingenApi
import nl.bijstandsportaal.appclient.api.RekenhulpApi
import nl.bijstandsportaal.appclient.api.TakenApi
import nl.bijstandsportaal.appclient.api.WijzigingenApi
import nl.bijstandsportaal.appclient.infrastructure.ClientError
import nl.bijstandsportaal.appclient.infrastructure.ClientException
import nl.bijstandsportaal.appclient.infrastructure.Serializer
import nl.bijstandsportaal.appclient.model.AanvraagStarten
import nl.bijstandsportaal.appclient.model.Afspraak
import nl.bijstandsportaal.appclient.model.ApparaatRegistreren
import nl.bijstandsportaal.appclient.model.Documentverzoek
import nl.bijstandsportaal.appclient.model.GesprekAanvragen
import nl.bijstandsportaal.appclient.model.InkomstenBron
import nl.bijstandsportaal.appclient.model.InkomstenDoorgeven
import nl.bijstandsportaal.appclient.model.InkomstenPeriode
import nl.bijstandsportaal.appclient.model.NieuwBericht
import nl.bijstandsportaal.appclient.model.NieuwBestand
import nl.bijstandsportaal.appclient.model.Platform
import nl.bijstandsportaal.appclient.model.Problem
import nl.bijstandsportaal.appclient.model.Regeling
import nl.bijstandsportaal.appclient.model.WijzigingDoorgeven
import nl.bijstandsportaal.appclient.model.WijzigingSoort
import okhttp3.Interceptor
import okhttp3.OkHttpClient
import okhttp3.Request
import java.io.File
import java.time.Duration
import java.time.LocalDate
import java.util.UUID

/**
 * What an Android app does with the Kotlin client generated from the contract (ADR 0050): it calls every GET of the API
 * for the citizen it is logged in as, and a representative set of POSTs, and decodes every answer strictly. A field the
 * contract calls required that is missing, a value outside an enum, a field the contract does not name, a date or a
 * moment in another format: decoding throws, and the call fails with the operation's name.
 *
 * The journey names as few fields as it can: the ids it follows, and what it sends. They are in [Fields] and
 * [Requests], so a renamed contract means changes there only.
 */
class AppJourney(baseUrl: String, accessToken: String, check: Interceptor? = null) {

    /** One call: the operation (its operationId) and the answer the client decoded (a [Problem] for an expected error). */
    data class Call(val operation: String, val answer: Any?)

    val calls = mutableListOf<Call>()

    private val http: OkHttpClient = OkHttpClient.Builder()
        .addInterceptor { chain ->
            chain.proceed(chain.request().newBuilder()
                .header("Authorization", "Bearer $accessToken")
                .header("Accept-Language", "nl")
                .build())
        }
        // After OkHttp has unzipped the answer (the portal gzips), before the client decodes it.
        .apply { if (check != null) addInterceptor(check) }
        .readTimeout(Duration.ofSeconds(60))
        .build()

    init {
        StrictJson.install()
    }

    private val base = baseUrl.trimEnd('/')
    private val aanvragen = AanvragenApi(base, http)
    private val account = AccountApi(base, http)
    private val afspraken = AfsprakenApi(base, http)
    private val apparaten = ApparatenApi(base, http)
    private val documenten = DocumentenApi(base, http)
    private val gesprekken = GesprekkenApi(base, http)
    private val inkomsten = InkomstenApi(base, http)
    private val meldingen = MeldingenApi(base, http)
    private val rechten = RechtenEnPlichtenApi(base, http)
    private val regelingen = RegelingenApi(base, http)
    private val rekenhulp = RekenhulpApi(base, http)
    private val taken = TakenApi(base, http)
    private val wijzigingen = WijzigingenApi(base, http)

    /** Every GET of the API, and for every list every item in it. */
    fun readEverything(): AppJourney {
        call("ikOphalen") { account.ikOphalen() }
        call("takenOphalen") { taken.takenOphalen() }
        call("meldingsvoorkeurenOphalen") { meldingen.meldingsvoorkeurenOphalen() }
        call("apparatenLijst") { apparaten.apparatenLijst() }
        call("huisgenotenLijst") { wijzigingen.huisgenotenLijst() }
        // Computed from this month's figures: 409 when the municipality's figures for it are not known (a Problem).
        call("rechtenOphalen", 409) { rechten.rechtenOphalen() }
        call("regelingenLijst") { regelingen.regelingenLijst() }
        call("watAlsIkGaWerken", 409) { rekenhulp.watAlsIkGaWerken(uren = "12", uurloon = "12.50") }

        call("inkomstenPeriodes") { inkomsten.inkomstenPeriodes() }?.forEach { p ->
            call("inkomstenopgaveOphalen", 404, 409) { inkomsten.inkomstenopgaveOphalen(Fields.code(p)) }?.bewijsBestanden?.forEach { b ->
                call("inkomstenBewijsOphalen") { inkomsten.inkomstenBewijsOphalen(Fields.code(p), b.id) }
            }
        }
        call("meldingenLijst") { meldingen.meldingenLijst() }?.forEach { m ->
            call("meldingOphalen") { meldingen.meldingOphalen(m.id) }
        }
        call("documentverzoekenLijst") { documenten.documentverzoekenLijst() }?.forEach { d ->
            call("documentverzoekOphalen") { documenten.documentverzoekOphalen(d.id) }?.bestanden?.forEach { b ->
                call("documentBestandOphalen") { documenten.documentBestandOphalen(d.id, b.id) }
            }
        }
        call("gesprekkenLijst") { gesprekken.gesprekkenLijst() }?.forEach { g ->
            call("gesprekOphalen") { gesprekken.gesprekOphalen(g.id) }?.berichten?.flatMap { it.bijlagen }?.forEach { b ->
                call("gesprekBijlageOphalen") { gesprekken.gesprekBijlageOphalen(g.id, b.bestandId) }
            }
        }
        call("afsprakenLijst") { afspraken.afsprakenLijst() }?.forEach { a ->
            call("afspraakOphalen") { afspraken.afspraakOphalen(a.id) }
            // The generated client cannot read text/calendar (only JSON, text/plain and bytes) and asks for
            // problem+json only: the app downloads the file at the appointment's link, as here.
            call("afspraakInAgenda") { download(Fields.calendar(a), "text/calendar") }
        }
        call("wijzigingenLijst") { wijzigingen.wijzigingenLijst() }?.forEach { w ->
            call("wijzigingOphalen") { wijzigingen.wijzigingOphalen(w.id) }?.bewijsBestanden?.forEach { b ->
                call("wijzigingBewijsOphalen") { wijzigingen.wijzigingBewijsOphalen(w.id, b.id) }
            }
        }
        call("aanvragenLijst") { aanvragen.aanvragenLijst() }?.forEach { a ->
            val aanvraag = call("aanvraagOphalen") { aanvragen.aanvraagOphalen(a.id) }
            Fields.schermen(aanvraag).forEach { scherm ->
                // A sent application's screens answer 409 (a Problem): it can no longer be changed.
                call("schermOphalen", 409) { aanvragen.schermOphalen(a.id, scherm) }
            }
        }
        return this
    }

    /**
     * The POSTs an app makes most: an income report with its payslip, an application, a file for a document request,
     * a change with its proof, a phone, a conversation and a request for one, preferences, a message marked read.
     */
    fun sendSomething(today: LocalDate): AppJourney {
        val period = call("inkomstenPeriodes") { inkomsten.inkomstenPeriodes() }!!.firstOrNull(Fields::reportable)
        if (period != null) {
            val code = Fields.code(period)
            call("inkomstenSchatten", 409) { inkomsten.inkomstenSchatten(code, Requests.income()) }
            call("inkomstenDoorgeven") { inkomsten.inkomstenDoorgeven(code, key(), Requests.income()) }
            call("inkomstenBewijsSturen") { inkomsten.inkomstenBewijsSturen(code, key(), Requests.pdf(), "loonstrook.pdf") }
        }

        val regeling = call("regelingenLijst") { regelingen.regelingenLijst() }!!.regelingen.firstOrNull(Fields::canApply)
        if (regeling != null) {
            val aanvraag = call("aanvraagStarten") { aanvragen.aanvraagStarten(key(), AanvraagStarten(regeling.id)) }!!
            call("aanvraagOphalen") { aanvragen.aanvraagOphalen(aanvraag.id) }
        }

        call("documentverzoekenLijst") { documenten.documentverzoekenLijst() }!!.firstOrNull(Fields::canSend)?.let { d ->
            call("documentBestandSturen") { documenten.documentBestandSturen(d.id, key(), Requests.pdf(), "bankafschrift.pdf") }
        }

        val wijziging = call("wijzigingDoorgeven") { wijzigingen.wijzigingDoorgeven(key(), Requests.abroad(today)) }!!
        call("wijzigingBewijsSturen") { wijzigingen.wijzigingBewijsSturen(wijziging.id, key(), Requests.pdf(), "ticket.pdf") }
        // A wrong file sent too, and taken back while nobody has started on the change (ADR 0055): 204, no body.
        call("wijzigingBewijsSturen") { wijzigingen.wijzigingBewijsSturen(wijziging.id, key(), Requests.pdf(), "verkeerd.pdf") }
            ?.bewijsBestanden?.lastOrNull()?.let { b ->
                call("wijzigingBewijsVerwijderen") { wijzigingen.wijzigingBewijsVerwijderen(wijziging.id, b.id) }
            }
        call("gesprekAanvragen") { afspraken.gesprekAanvragen(key(), Requests.talk()) }

        val phone = call("apparaatRegistreren") { apparaten.apparaatRegistreren(key(), Requests.phone()) }!!
        call("apparatenLijst") { apparaten.apparatenLijst() }
        call("apparaatVerwijderen") { apparaten.apparaatVerwijderen(phone.id) }

        val gesprek = call("gesprekStarten") { gesprekken.gesprekStarten(key(), Requests.question()) }!!
        call("gesprekBeantwoorden") { gesprekken.gesprekBeantwoorden(gesprek.id, key(), Requests.reply()) }

        // What the app read, sent back as it is: the generated client encodes it as the portal reads it.
        val voorkeuren = call("meldingsvoorkeurenOphalen") { meldingen.meldingsvoorkeurenOphalen() }!!
        call("meldingsvoorkeurenOpslaan") { meldingen.meldingsvoorkeurenOpslaan(voorkeuren) }
        call("meldingenLijst") { meldingen.meldingenLijst() }!!.firstOrNull()?.let { m ->
            call("meldingGelezen") { meldingen.meldingGelezen(m.id) }
        }
        call("takenOphalen") { taken.takenOphalen() }
        return this
    }

    /** The operations called, each once. */
    fun operations(): Set<String> = calls.map { it.operation }.toSortedSet()

    /** A file the app opens or saves rather than decodes, at a link from an answer. */
    private fun download(path: String, type: String): String =
        http.newCall(Request.Builder().url(base + path).header("Accept", type).build()).execute().use { response ->
            check(response.code == 200 && response.header("Content-Type").orEmpty().startsWith(type)) {
                "$path answered ${response.code} ${response.header("Content-Type")}"
            }
            response.body!!.string()
        }

    /** For the test's output: each operation with how often it was called, and the length of a list answer. */
    fun summary(): String = calls.joinToString(", ") { c ->
        c.operation + ((c.answer as? Collection<*>)?.let { "[${it.size}]" } ?: if (c.answer is Problem) "(problem)" else "")
    }

    private fun key(): String = UUID.randomUUID().toString()

    /**
     * Calls one operation. A success is decoded into the generated model; an error status in [expected] must be a
     * Problem, decoded as strictly. Anything else fails with the operation's name and the portal's answer.
     */
    private fun <T> call(operation: String, vararg expected: Int, block: () -> T): T? {
        try {
            val answer = block()
            calls += Call(operation, answer)
            return answer
        } catch (e: ClientException) {
            val body = (e.response as? ClientError<*>)?.body?.toString()
            if (e.statusCode !in expected) {
                throw AssertionError("$operation answered ${e.statusCode}: $body", e)
            }
            val problem = try {
                StrictJson.json.decodeFromString(Problem.serializer(), body.orEmpty())
            } catch (s: SerializationException) {
                throw AssertionError("$operation: the ${e.statusCode} is not a Problem as the contract says: ${s.message}\n$body", s)
            }
            calls += Call(operation, problem)
            return null
        } catch (e: SerializationException) {
            throw AssertionError("$operation: the generated client cannot decode the answer: ${e.message}", e)
        } catch (e: IllegalArgumentException) {
            // kotlinx.serialization reports some decoding errors this way.
            throw AssertionError("$operation: the generated client cannot decode the answer: ${e.message}", e)
        } catch (e: java.time.DateTimeException) {
            // A date or a moment in another format than the contract's (the generated adapters use java.time).
            throw AssertionError("$operation: the generated client cannot read a date: ${e.message}", e)
        }
    }

    /** The few fields the journey reads to go on: the ids it follows. */
    object Fields {
        fun code(period: InkomstenPeriode): String = period.code
        fun reportable(period: InkomstenPeriode): Boolean = period.status != InkomstenPeriode.Status.NOG_NIET
        fun canApply(regeling: Regeling): Boolean = regeling.uitkomst != Regeling.Uitkomst.nee
        fun canSend(verzoek: Documentverzoek): Boolean = verzoek.kanSturen
        fun calendar(afspraak: Afspraak): String = afspraak.agenda
        fun schermen(aanvraag: nl.bijstandsportaal.appclient.model.Aanvraag?): List<String> =
            aanvraag?.antwoorden?.map { it.scherm }?.distinct().orEmpty() + listOfNotNull(aanvraag?.scherm?.id)
    }

    /** What the journey sends. */
    object Requests {
        fun income() = InkomstenDoorgeven(
            geenInkomsten = false,
            bronnen = listOf(InkomstenBron(loonstrookVolgt = true, soort = InkomstenBron.Soort.WERK, naam = "Bakkerij", netto = "380.50")))

        fun phone() = ApparaatRegistreren(pushtoken = "fcm-" + UUID.randomUUID(), platform = Platform.ANDROID, appVersie = "1.4.0")
        /** A question with a PDF: the file's content as base64 text, as the contract says (ADR 0057). */
        fun question() = NieuwBericht(onderwerp = "Vraag over mijn uitkering", tekst = "Wanneer wordt het betaald?",
            bestanden = listOf(NieuwBestand(naam = "brief.pdf", inhoud = java.util.Base64.getEncoder()
                .encodeToString("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".toByteArray(Charsets.US_ASCII)))))
        fun reply() = NieuwBericht(tekst = "Dank u wel.")
        fun talk() = GesprekAanvragen(onderwerp = "Ik heb werk gevonden", vorm = GesprekAanvragen.Vorm.TELEFOON, voorkeurstijden = "Maandag")
        fun abroad(today: LocalDate) =
            WijzigingDoorgeven(soort = WijzigingSoort.BUITENLAND, land = "Spanje", datum = today.plusDays(20), datumTot = today.plusDays(30))

        /** A small PDF, as the app sends a scanned payslip. */
        fun pdf(): File = File.createTempFile("loonstrook", ".pdf").apply {
            deleteOnExit()
            writeBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".toByteArray(Charsets.US_ASCII))
        }
    }
}

/**
 * The generated client's JSON, made strict (ADR 0050). The generator's defaults (ignoreUnknownKeys, isLenient) would let
 * a field the contract does not name and an unquoted string pass; an app team may keep them, the test does not. Nulls
 * are left out when encoding, as the portal reads an absent field and a null differently.
 */
object StrictJson {
    @Volatile
    private var installed = false

    @Synchronized
    fun install() {
        if (installed) return
        Serializer.kotlinxSerializationJsonConfiguration = {
            ignoreUnknownKeys = false
            isLenient = false
            coerceInputValues = false
            explicitNulls = false
        }
        installed = true
    }

    val json: Json
        get() {
            install()
            return Serializer.kotlinxSerializationJson
        }
}
