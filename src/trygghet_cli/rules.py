"""The catalogue of rules: every diagnostic trygg can give, with a stable id.

Ids never change meaning once released. Ranges:

* ``TRY0xx`` reading files: encoding, YAML syntax, file layout;
* ``TRY1xx`` the schema of one file: keys, types, values;
* ``TRY2xx`` the plan as a whole: references, unique ids, dates that must agree;
* ``TRY3xx`` personal data that must never be published;
* ``TRY4xx`` deadlines, cadence and legal obligations (``trygg deadlines``);
* ``TRY5xx`` editing and importing (``trygg meeting``, ``action``, ``indicator``, ``fmt``).

``docs/rules.md`` is generated from this module (``make docs``) and a test keeps it current.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from trygghet_cli.i18n import Lang, Text


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def label(self, lang: Lang) -> str:
        return _SEVERITY_LABELS[self](lang)

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


_SEVERITY_LABELS = {
    Severity.ERROR: Text("fel", "error"),
    Severity.WARNING: Text("varning", "warning"),
    Severity.INFO: Text("info", "info"),
}

ArgValue = str | int | float | Text

E, W = Severity.ERROR, Severity.WARNING

DID_YOU_MEAN = Text(" (menade du '{suggestion}'?)", " (did you mean '{suggestion}'?)")


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    title: Text
    message: Text
    hint: Text | None = None
    tags: tuple[str, ...] = ()

    def render_message(self, args: Mapping[str, ArgValue], lang: Lang) -> str:
        values = _localise(args, lang)
        text = self.message(lang).format_map(_Missing(values))
        if args.get("suggestion"):
            text += DID_YOU_MEAN(lang).format(suggestion=values["suggestion"])
        return text

    def render_hint(self, args: Mapping[str, ArgValue], lang: Lang) -> str | None:
        if self.hint is None:
            return None
        return self.hint(lang).format_map(_Missing(_localise(args, lang)))

    def description(self, lang: Lang) -> str:
        """What the rule finds, for catalogues (SARIF's ``fullDescription``): the message with
        each blank shown as "…", after the title unless the message starts with it."""
        message = self.message(lang).format_map(_Blank())
        title = self.title(lang)
        return message if message.startswith(title) else f"{title}: {message}"

    def advice(self, lang: Lang) -> str | None:
        """The hint with each blank shown as "…", for catalogues (SARIF's ``help``)."""
        return None if self.hint is None else self.hint(lang).format_map(_Blank())


class _Blank(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "…"


class _Missing(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _localise(args: Mapping[str, ArgValue], lang: Lang) -> dict[str, object]:
    return {k: (v(lang) if isinstance(v, Text) else v) for k, v in args.items()}


_ALL = [
    # --- TRY0xx: reading files -------------------------------------------------------------
    Rule(
        "TRY001",
        "yaml-syntax",
        E,
        Text("YAML-syntaxfel", "YAML syntax error"),
        Text("YAML-syntaxfel: {problem}", "YAML syntax error: {problem}"),
        Text(
            "Kontrollera indrag, kolon och citattecken på raden och raden före.",
            "Check indentation, colons and quotes on this line and the one before.",
        ),
        ("syntax",),
    ),
    Rule(
        "TRY002",
        "tab-indent",
        E,
        Text("Tabbtecken i indrag", "Tab character in indentation"),
        Text("Tabbtecken i indraget", "Tab character in the indentation"),
        Text(
            "YAML tillåter bara mellanslag för indrag. Ersätt tabben med mellanslag "
            "(två per nivå).",
            "YAML allows only spaces for indentation. Replace the tab with spaces (two per level).",
        ),
        ("syntax",),
    ),
    Rule(
        "TRY003",
        "duplicate-key",
        E,
        Text("Nyckel förekommer två gånger", "Duplicate key"),
        Text(
            "Nyckeln '{key}' förekommer två gånger i samma avsnitt (första gången på rad "
            "{first_line})",
            "The key '{key}' occurs twice in the same section (first on line {first_line})",
        ),
        Text(
            "Ta bort den ena eller slå ihop dem; annars är det oklart vilket värde som gäller.",
            "Remove one or merge them; otherwise it is unclear which value counts.",
        ),
        ("syntax",),
    ),
    Rule(
        "TRY004",
        "not-utf8",
        E,
        Text("Filen är inte UTF-8", "File is not UTF-8"),
        Text(
            "Filen är inte giltig UTF-8 (ogiltig byte 0x{byte} på kolumn {byte_column})",
            "The file is not valid UTF-8 (invalid byte 0x{byte} at column {byte_column})",
        ),
        Text(
            "Spara filen med teckenkodningen UTF-8 i din editor (i Anteckningar: Spara som → "
            "Kodning: UTF-8).",
            "Save the file with the UTF-8 encoding in your editor.",
        ),
        ("syntax",),
    ),
    Rule(
        "TRY005",
        "empty-file",
        E,
        Text("Tom fil", "Empty file"),
        Text("Filen är tom", "The file is empty"),
        Text(
            "Fyll i filen eller ta bort den. För en fil med förklaringar och exempel i "
            "kommentarer: ta bort den tomma filen och kör 'trygg init . --municipality NAMN "
            "--kommunkod NNNN' i planens mapp (den skriver bara filer som saknas), eller "
            "'trygg meeting new' för ett möte.",
            "Fill in the file or delete it. For a file with explanations and examples in "
            "comments, delete the empty file and run 'trygg init . --municipality NAME "
            "--kommunkod NNNN' in the plan's folder (it writes only files that are missing), or "
            "'trygg meeting new' for a meeting.",
        ),
        ("syntax",),
    ),
    Rule(
        "TRY006",
        "forbidden-tag",
        E,
        Text("Otillåten YAML-tagg", "Forbidden YAML tag"),
        Text("Taggen '{tag}' är inte tillåten", "The tag '{tag}' is not allowed"),
        Text(
            "trygg läser bara vanliga värden (text, tal, datum, listor). Ta bort taggen; "
            "filer körs aldrig som kod.",
            "trygg reads only plain values (text, numbers, dates, lists). Remove the tag; "
            "files are never run as code.",
        ),
        ("syntax", "security"),
    ),
    Rule(
        "TRY007",
        "too-deep",
        E,
        Text("För djup nästling", "Nesting too deep"),
        Text(
            "Värdena är nästlade djupare än {limit} nivåer",
            "The values are nested deeper than {limit} levels",
        ),
        Text(
            "En plan behöver aldrig så många nivåer; kontrollera indragen.",
            "A plan never needs that many levels; check the indentation.",
        ),
        ("syntax", "security"),
    ),
    Rule(
        "TRY008",
        "alias-expansion",
        E,
        Text("Ankare och alias expanderar för mycket", "Anchors and aliases expand too far"),
        Text(
            "Ankare och alias (&namn, *namn) expanderar till mer än {limit} värden",
            "Anchors and aliases (&name, *name) expand to more than {limit} values",
        ),
        Text(
            "Skriv ut värdena direkt i stället för att hänvisa till dem med *alias.",
            "Write the values out instead of referring to them with *alias.",
        ),
        ("syntax", "security"),
    ),
    Rule(
        "TRY009",
        "wrong-root",
        E,
        Text("Fel sorts innehåll på översta nivån", "Wrong kind of content at the top level"),
        Text(
            "Filen ska innehålla nycklar och värden (en mappning) på översta nivån, inte {got}",
            "The file must hold keys and values (a mapping) at the top level, not {got}",
        ),
        Text(
            "Börja filen med nycklar som 'namn: ...' utan bindestreck framför.",
            "Start the file with keys such as 'namn: ...' with no dash in front.",
        ),
        ("syntax",),
    ),
    Rule(
        "TRY010",
        "no-plan",
        E,
        Text("Ingen plan hittades", "No plan found"),
        Text(
            "Ingen plan hittades här: ingen mapp innehåller {marker}",
            "No plan found here: no folder contains {marker}",
        ),
        Text(
            "En plan är en mapp med kommun.yaml. Skapa en med 'trygg init MAPP "
            "--municipality NAMN --kommunkod NNNN' eller ange rätt sökväg.",
            "A plan is a folder with kommun.yaml. Create one with 'trygg init DIR "
            "--municipality NAME --kommunkod NNNN' or give the right path.",
        ),
        ("layout",),
    ),
    Rule(
        "TRY011",
        "unknown-file",
        W,
        Text("Okänd fil i planen", "Unknown file in the plan"),
        Text(
            "Filen '{name}' hör inte till planens filer",
            "The file '{name}' is not one of the plan's files",
        ),
        Text(
            "Planens filer heter {known}. Byt namn på filen eller flytta den ur planmappen.",
            "The plan's files are called {known}. Rename the file or move it out of the plan "
            "folder.",
        ),
        ("layout",),
    ),
    Rule(
        "TRY012",
        "unreadable",
        E,
        Text("Filen kan inte läsas", "File cannot be read"),
        Text("Filen kan inte läsas: {reason}", "The file cannot be read: {reason}"),
        Text(
            "Kontrollera att filen finns och att du har läsrätt.",
            "Check that the file exists and that you may read it.",
        ),
        ("layout",),
    ),
    Rule(
        "TRY013",
        "several-documents",
        E,
        Text("Flera YAML-dokument i en fil", "Several YAML documents in one file"),
        Text(
            "Filen innehåller mer än ett YAML-dokument (avgränsat med ---)",
            "The file holds more than one YAML document (separated by ---)",
        ),
        Text(
            "Dela upp innehållet i en fil per dokument, till exempel ett möte per fil i moten/.",
            "Split the content into one file per document, for instance one meeting per file "
            "in moten/.",
        ),
        ("syntax",),
    ),
    Rule(
        "TRY014",
        "file-too-large",
        E,
        Text("Filen är för stor", "File too large"),
        Text(
            "Filen är {size} byte; trygg läser högst {limit} byte per fil",
            "The file is {size} bytes; trygg reads at most {limit} bytes per file",
        ),
        Text(
            "Dela upp innehållet, till exempel ett möte per fil.",
            "Split the content, for instance one meeting per file.",
        ),
        ("syntax", "security"),
    ),
    Rule(
        "TRY015",
        "missing-file",
        E,
        Text("En fil som planen kräver saknas", "A file the plan needs is missing"),
        Text("Planen saknar filen {name}", "The plan has no file {name}"),
        Text(
            "Skapa filen: 'trygg init . --municipality NAMN --kommunkod NNNN' i planens mapp "
            "skriver de filer som saknas, med förklaringar och exempel i kommentarer, och "
            "lämnar de andra orörda.",
            "Create the file: 'trygg init . --municipality NAME --kommunkod NNNN' in the plan's "
            "folder writes the files that are missing, with explanations and examples in "
            "comments, and leaves the others alone.",
        ),
        ("layout",),
    ),
    Rule(
        "TRY016",
        "link-out-of-plan",
        E,
        Text("Symbolisk länk ut ur planen", "Symbolic link out of the plan"),
        Text(
            "En symbolisk länk till {target}, utanför planens mapp (eller den mapp som gavs); "
            "trygg följer den inte",
            "A symbolic link to {target}, outside the plan's folder (or the folder given); "
            "trygg does not follow it",
        ),
        Text(
            "Lägg filen i planens mapp i stället för en länk, eller ta bort länken. Det som "
            "ligger utanför planen publiceras inte med den och kan inte granskas i en "
            "pull request.",
            "Put the file in the plan's folder instead of a link, or remove the link. What lies "
            "outside the plan is not published with it and cannot be reviewed in a pull request.",
        ),
        ("layout",),
    ),
    Rule(
        "TRY017",
        "not-checked-across-files",
        Severity.INFO,
        Text(
            "Filen har inte kontrollerats mot resten av planen",
            "File not checked against the rest of the plan",
        ),
        Text(
            "Filen har inte kontrollerats mot resten av planen ännu: {what}",
            "The file has not been checked against the rest of the plan yet: {what}",
        ),
        Text(
            "Rätta felen i filen och kör trygg validate igen; då kontrolleras också "
            "hänvisningar, datum och id mot resten av planen.",
            "Fix the errors in the file and run trygg validate again; then its references, "
            "dates and ids are checked against the rest of the plan too.",
        ),
        ("layout",),
    ),
    Rule(
        "TRY018",
        "decomposed-letters",
        W,
        Text("Bokstäver i sönderdelad form (NFD)", "Letters in decomposed form (NFD)"),
        Text(
            "Texten har bokstäver skrivna som bokstav och accent var för sig (Unicode NFD, som "
            "macOS kan spara dem); trygg läser dem som vanliga å, ä och ö",
            "The text has letters written as a letter and an accent apart (Unicode NFD, as "
            "macOS may save them); trygg reads them as the letters å, ä and ö",
        ),
        Text(
            "Kör 'trygg fmt' så skrivs filen i vanlig form (NFC), som andra program väntar sig.",
            "Run 'trygg fmt' to write the file in the usual form (NFC) other programs expect.",
        ),
        ("layout",),
    ),
    Rule(
        "TRY019",
        "leftover-temporary-file",
        W,
        Text("Kvarlämnad tillfällig fil", "Leftover temporary file"),
        Text(
            "En tillfällig fil från en skrivning som avbröts (trygg skriver först till en sådan "
            "och byter sedan namn på den); planens filer är hela",
            "A temporary file from a write that was interrupted (trygg writes to one first and "
            "then renames it); the plan's files are whole",
        ),
        Text("Ta bort filen.", "Delete the file."),
        ("layout",),
    ),
    Rule(
        "TRY020",
        "control-character",
        W,
        Text("Kontrolltecken i texten", "Control character in the text"),
        Text(
            "Texten har kontrolltecknet {code}, som trygg visar som {shown}",
            "The text has the control character {code}, which trygg shows as {shown}",
        ),
        Text(
            "Ta bort tecknet ur texten (det är skrivet med \\ inom dubbla citattecken). Ett "
            "kontrolltecken syns inte, men kan styra en terminal eller ett annat program som "
            "visar texten.",
            "Remove the character from the text (it is written with \\ inside double quotes). "
            "A control character is invisible, but can steer a terminal or another program that "
            "shows the text.",
        ),
        ("layout", "security"),
    ),
    # --- TRY1xx: one file's schema -----------------------------------------------------------
    Rule(
        "TRY101",
        "unknown-key",
        E,
        Text("Okänd nyckel", "Unknown key"),
        Text("Okänd nyckel '{key}'", "Unknown key '{key}'"),
        Text("Tillåtna nycklar här: {allowed}.", "Keys allowed here: {allowed}."),
        ("schema",),
    ),
    Rule(
        "TRY102",
        "missing-key",
        E,
        Text("Nyckel saknas", "Missing key"),
        Text("Nyckeln '{key}' saknas", "The key '{key}' is missing"),
        Text("Lägg till '{key}: …' här. {description}", "Add '{key}: …' here."),
        ("schema",),
    ),
    Rule(
        "TRY103",
        "wrong-type",
        E,
        Text("Fel typ av värde", "Wrong type of value"),
        Text("'{key}' ska vara {expected}, inte {got}", "'{key}' must be {expected}, not {got}"),
        None,
        ("schema",),
    ),
    Rule(
        "TRY104",
        "invalid-choice",
        E,
        Text("Värdet finns inte bland de tillåtna", "Value not among the allowed ones"),
        Text(
            "'{value}' är inte ett tillåtet värde för '{key}'",
            "'{value}' is not an allowed value for '{key}'",
        ),
        Text("Tillåtna värden: {allowed}.", "Allowed values: {allowed}."),
        ("schema",),
    ),
    Rule(
        "TRY105",
        "invalid-date",
        E,
        Text("Ogiltigt datum", "Invalid date"),
        Text(
            "'{value}' är inte ett giltigt datum för '{key}'",
            "'{value}' is not a valid date for '{key}'",
        ),
        Text(
            "Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2021-03-02, och kontrollera att dagen finns.",
            "Write dates as YYYY-MM-DD, for instance 2021-03-02, and check that the day exists.",
        ),
        ("schema",),
    ),
    Rule(
        "TRY106",
        "invalid-value",
        E,
        Text("Ogiltigt värde", "Invalid value"),
        Text("Ogiltigt värde för '{key}': {problem}", "Invalid value for '{key}': {problem}"),
        None,
        ("schema",),
    ),
    Rule(
        "TRY107",
        "invalid-cadence",
        E,
        Text("Okänd mötesfrekvens eller kadens", "Unknown cadence"),
        Text(
            "'{value}' går inte att tolka som en frekvens", "'{value}' cannot be read as a cadence"
        ),
        Text(
            "Skriv till exempel '6 gånger per år', 'minst 4 gånger per år', 'varannan vecka', "
            "'varje månad', 'var tredje månad', 'varje år', 'vartannat år', 'löpande' eller "
            "'vid behov'; "
            "lägg till ', även vid behov' för extra möten. Ett fast datum i årshjulet: "
            "'varje år senast 31 december', 'varje år i februari' eller "
            "'varje kvartal senast den 15:e'. Planerade uppehåll efter ett kommatecken: "
            "', uppehåll i juli' eller ', uppehåll 20 december–6 januari' (högst ett halvår).",
            "Write for instance '6 gånger per år', 'minst 4 gånger per år', 'varannan vecka', "
            "'varje månad', 'var tredje månad', 'varje år', 'vartannat år', 'löpande' or "
            "'vid behov'; "
            "add ', även vid behov' for extra meetings. A fixed date of the annual wheel: "
            "'varje år senast 31 december', 'varje år i februari' or "
            "'varje kvartal senast den 15:e'. Planned pauses after a comma: "
            "', uppehåll i juli' or ', uppehåll 20 december–6 januari' (at most half a year).",
        ),
        ("schema",),
    ),
    Rule(
        "TRY112",
        "invalid-pause",
        E,
        Text("Okänt uppehåll", "Unknown pause"),
        Text(
            "'{value}' går inte att tolka som ett uppehåll",
            "'{value}' cannot be read as a pause",
        ),
        Text(
            "Skriv en månad ('juli'), flera månader ('juni–augusti'), dagar som kommer "
            "tillbaka varje år ('20 december–6 januari') eller ett uppehåll en gång "
            "('15 juni–15 augusti 2025'); ett uppehåll är högst ett halvår.",
            "Write a month ('juli'), months ('juni–augusti'), days that come back every year "
            "('20 december–6 januari') or a pause once ('15 juni–15 augusti 2025'); a pause is "
            "at most half a year.",
        ),
        ("schema",),
    ),
    Rule(
        "TRY108",
        "invalid-period",
        E,
        Text("Ogiltig period", "Invalid period"),
        Text("'{value}' är inte en period", "'{value}' is not a period"),
        Text(
            "Skriv ett år (2021), ett kvartal (2021Q1, 2021-Q1 eller 2021K1), ett tertial "
            "(2021T1), ett halvår (2021H1) eller en månad (2021-03).",
            "Write a year (2021), a quarter (2021Q1, 2021-Q1 or 2021K1), a tertial (2021T1), "
            "a half year (2021H1) or a month (2021-03).",
        ),
        ("schema",),
    ),
    Rule(
        "TRY109",
        "invalid-id",
        E,
        Text("Ogiltigt id", "Invalid id"),
        Text("'{value}' är inte ett giltigt id", "'{value}' is not a valid id"),
        Text(
            "Ett id består av bokstäverna a–z, siffror, bindestreck, punkt och understreck och "
            "börjar med en bokstav eller siffra, till exempel 'lokala-bra' eller 'est-grupp' "
            "(högst 64 tecken, inga mellanslag, inga å, ä, ö).",
            "An id is made of the letters a–z, digits, hyphens, dots and underscores and begins "
            "with a letter or digit, for instance 'lokala-bra' or 'est-grupp' (at most 64 "
            "characters, no spaces, no å, ä, ö).",
        ),
        ("schema",),
    ),
    Rule(
        "TRY110",
        "invalid-kommunkod",
        E,
        Text("Ogiltig kommunkod", "Invalid municipality code"),
        Text("'{value}' är inte en kommunkod", "'{value}' is not a municipality code"),
        Text(
            "Kommunkoden är fyra siffror från SCB, skriven inom citattecken så att en inledande "
            'nolla behålls, till exempel kommunkod: "0180".',
            "The municipality code is SCB's four digits, written in quotes so that a leading "
            'zero is kept, for instance kommunkod: "0180".',
        ),
        ("schema",),
    ),
    Rule(
        "TRY111",
        "municipality-incomplete",
        W,
        Text("Uppgift om kommunen saknas", "Municipality information missing"),
        Text("kommun.yaml saknar '{key}'", "kommun.yaml has no '{key}'"),
        Text(
            "Fyll i kommunens egna uppgifter (för Fagersta står det {example}); {why}.",
            "Fill in the municipality's own details (for Fagersta it says {example}); {why}.",
        ),
        ("schema",),
    ),
    # --- TRY2xx: the plan as a whole ---------------------------------------------------------
    Rule(
        "TRY201",
        "unknown-reference",
        E,
        Text("Hänvisning till något som inte finns", "Reference to something that does not exist"),
        Text(
            "'{key}' hänvisar till {kind} '{value}', som inte finns i planen",
            "'{key}' refers to {kind} '{value}', which does not exist in the plan",
        ),
        Text(
            "Rätta stavningen eller lägg till det i {where}.",
            "Fix the spelling or add it to {where}.",
        ),
        ("reference",),
    ),
    Rule(
        "TRY202",
        "duplicate-id",
        E,
        Text("Samma id används två gånger", "Id used twice"),
        Text(
            "Id '{value}' används redan ({first})",
            "The id '{value}' is already used ({first})",
        ),
        Text(
            "Varje id måste vara unikt i planen. Ge det ena ett annat id.",
            "Every id must be unique in the plan. Give one of them another id.",
        ),
        ("reference",),
    ),
    Rule(
        "TRY203",
        "date-order",
        E,
        Text("Datum i fel ordning", "Dates in the wrong order"),
        Text(
            "'{key}' ({value}) ligger före '{other_key}' ({other_value})",
            "'{key}' ({value}) is before '{other_key}' ({other_value})",
        ),
        Text("Kontrollera båda datumen.", "Check both dates."),
        ("dates",),
    ),
    Rule(
        "TRY204",
        "meeting-file-date",
        W,
        Text("Mötets filnamn och datum skiljer sig", "Meeting file name and date differ"),
        Text(
            "Filnamnet börjar med {file_date} men mötet har datum {value}",
            "The file name begins with {file_date} but the meeting is dated {value}",
        ),
        Text(
            "Döp mötesfiler till ÅÅÅÅ-MM-DD-organ.yaml med mötets datum, till exempel {expected}.",
            "Name meeting files YYYY-MM-DD-body.yaml with the meeting's date, for instance "
            "{expected}.",
        ),
        ("dates",),
    ),
    Rule(
        "TRY205",
        "meeting-outside-lifetime",
        W,
        Text("Möte utanför organets verksamhetstid", "Meeting outside the body's lifetime"),
        Text(
            "Mötet {value} ligger utanför tiden då '{body}' finns ({start} – {end})",
            "The meeting on {value} is outside the time '{body}' exists ({start} – {end})",
        ),
        Text(
            "Rätta mötets datum eller arbetsgruppens start och slut i organisation.yaml.",
            "Fix the meeting's date or the working group's start and end in organisation.yaml.",
        ),
        ("dates",),
    ),
    Rule(
        "TRY206",
        "done-without-date",
        W,
        Text("Klar utan datum", "Done without a date"),
        Text(
            "{kind} '{value}' har status klar men inget klart-datum",
            "{kind} '{value}' has status done but no completion date",
        ),
        Text(
            "Lägg till 'klar_datum: ÅÅÅÅ-MM-DD' så att uppföljningen vet när den blev klar.",
            "Add 'klar_datum: YYYY-MM-DD' so that follow-up knows when it was done.",
        ),
        ("dates",),
    ),
    Rule(
        "TRY207",
        "smart-incomplete",
        W,
        Text("Effektmålet är inte SMART", "The effect goal is not SMART"),
        Text(
            "Effektmålet '{value}' saknar {missing}",
            "The effect goal '{value}' has no {missing}",
        ),
        Text(
            "Brå rekommenderar SMARTA effektmål: mätbara (nyckeltal, utgångsläge, målvärde), "
            "med en ansvarig och tidsatta (senast).",
            "Brå recommends SMART effect goals: measurable (indicator, baseline, target), "
            "with an owner, and time-bound (senast).",
        ),
        ("goals",),
    ),
    Rule(
        "TRY208",
        "meeting-body-kind",
        W,
        Text("Möte för ett organ som inte sammanträder", "Meeting of a body that does not meet"),
        Text(
            "'{value}' är {kind} och har inga egna möten i planen",
            "'{value}' is {kind} and has no meetings of its own in the plan",
        ),
        Text(
            "Ange det organ i planen som höll mötet.",
            "Name the body of the plan that held the meeting.",
        ),
        ("reference",),
    ),
    Rule(
        "TRY209",
        "working-group-without-end",
        W,
        Text("Arbetsgrupp utan slutdatum", "Working group without an end date"),
        Text(
            "Arbetsgruppen '{value}' har inget slutdatum",
            "The working group '{value}' has no end date",
        ),
        Text(
            "Arbetsgrupper är tidsbegränsade (Brå): ange 'slut: ÅÅÅÅ-MM-DD', eller ändra typen "
            "om gruppen är permanent.",
            "Working groups are time-limited (Brå): give 'slut: YYYY-MM-DD', or change the "
            "kind if the group is permanent.",
        ),
        ("dates",),
    ),
    Rule(
        "TRY210",
        "duplicate-value",
        E,
        Text("Två värden för samma period", "Two values for the same period"),
        Text(
            "Nyckeltalet har redan ett värde för {period} i {geography} ({first})",
            "The indicator already has a value for {period} in {geography} ({first})",
        ),
        Text(
            "Ta bort det ena värdet, eller ange olika geografi om de gäller olika områden.",
            "Remove one of the values, or give a different geography if they cover different "
            "areas.",
        ),
        ("indicators",),
    ),
    Rule(
        "TRY211",
        "report-at-unrelated-meeting",
        W,
        Text("Rapport vid ett möte som inte berörs", "Report at a meeting it does not concern"),
        Text(
            "Rapporteringen '{value}' lämnas av '{sender}' till {recipients}, men mötet hölls av "
            "'{body}'",
            "The reporting line '{value}' goes from '{sender}' to {recipients}, but the meeting "
            "was held by '{body}'",
        ),
        Text(
            "Skriv rapporten i mötesprotokollet hos den som lämnar den eller hos en mottagare.",
            "Record the report at a meeting of its sender or of a recipient.",
        ),
        ("reference",),
    ),
    Rule(
        "TRY212",
        "situation-after-meeting",
        W,
        Text("Lägesbild från en vecka efter mötet", "Situation entry from after the meeting"),
        Text(
            "Lägesbildens vecka {week} börjar efter mötets datum {value}",
            "The situation entry's week {week} begins after the meeting's date {value}",
        ),
        Text(
            "Kontrollera veckan (ISO-vecka, till exempel 2021-W09) eller mötets datum.",
            "Check the week (ISO week, for instance 2021-W09) or the meeting's date.",
        ),
        ("dates",),
    ),
    Rule(
        "TRY213",
        "unit-differs-from-national",
        E,
        Text("Annan enhet än den nationella serien", "Unit differs from the national series"),
        Text(
            "Nyckeltalet har enheten {value}, men den nationella serien '{series}' har {unit}",
            "The indicator's unit is {value}, but the national series '{series}' is in {unit}",
        ),
        Text(
            "Jämför bara med en nationell serie som mäter samma sak i samma enhet, eller ta bort "
            "'nationell_serie'.",
            "Compare only with a national series that measures the same thing in the same unit, "
            "or remove 'nationell_serie'.",
        ),
        ("indicators",),
    ),
    Rule(
        "TRY214",
        "share-of-post-as-fraction",
        W,
        Text("Andel av heltid skriven som bråk", "Share of a full-time post written as a fraction"),
        Text(
            "'{key}: {value}' betyder {share} procent av en heltid",
            "'{key}: {value}' means {share} per cent of a full-time post",
        ),
        Text(
            "Andelen skrivs i procent av heltid: {key}: {percent} för {share} av en heltid.",
            "The share is written in per cent of full time: {key}: {percent} for {share} of a "
            "full-time post.",
        ),
        ("organisation",),
    ),
    Rule(
        "TRY215",
        "direction-differs-from-national",
        W,
        Text(
            "Annan riktning än den nationella serien",
            "Direction differs from the national series",
        ),
        Text(
            "Nyckeltalet räknar {value} som bättre, men den nationella serien '{series}' räknar "
            "{other} som bättre",
            "The indicator counts {value} as better, but the national series '{series}' counts "
            "{other} as better",
        ),
        Text(
            "Kontrollera 'bättre'. Jämförelsen med riket bedömer efter planens riktning; om "
            "nyckeltalet mäter samma sak som serien ska riktningen vara densamma, annars hör det "
            "inte till serien.",
            "Check 'bättre'. The comparison with the country judges by the plan's direction; if "
            "the indicator measures the same thing as the series the direction should be the "
            "same, otherwise it does not belong to the series.",
        ),
        ("indicators",),
    ),
    Rule(
        "TRY216",
        "impossible-value",
        E,
        Text("Ett värde som inte kan vara", "A value that cannot be"),
        Text("'{key}: {value}' {problem}", "'{key}: {value}' {problem}"),
        Text(
            "Rätta värdet, eller nyckeltalets enhet om det är den som är fel (enhet: {unit}).",
            "Correct the value, or the indicator's unit if that is what is wrong (enhet: {unit}).",
        ),
        ("indicators",),
    ),
    Rule(
        "TRY217",
        "kommunkod-unknown",
        E,
        Text("Ingen kommun har kommunkoden", "No kommun has the code"),
        Text(
            "'{value}' är ingen kommuns kod i SCB:s register över Sveriges 290 kommuner",
            "'{value}' is no kommun's code in SCB's register of Sweden's 290 kommuner",
        ),
        Text(
            "Skriv kommunens fyrsiffriga kod från SCB{known}, inom citattecken.",
            "Write the kommun's four-digit code from SCB{known}, in quotes.",
        ),
        ("municipality",),
    ),
    Rule(
        "TRY218",
        "kommunkod-mismatch",
        E,
        Text(
            "Kommunkoden hör till en annan kommun eller ett annat län",
            "The code belongs to another kommun or län",
        ),
        Text(
            "Kommunkoden {code} är {owner} i {county}, {problem}",
            "The code {code} is {owner} in {county}, {problem}",
        ),
        Text("{fix}", "{fix}"),
        ("municipality",),
    ),
    Rule(
        "TRY219",
        "body-cycle",
        E,
        Text("Organ i en cirkel", "Bodies in a cycle"),
        Text(
            "'{key}: {value}' sluter en cirkel: {cycle}", "'{key}: {value}' closes a cycle: {cycle}"
        ),
        Text(
            "Ett organ kan inte {relation} sig självt, varken direkt eller genom andra organ. "
            "Ändra eller ta bort '{key}' hos ett av organen i cirkeln, så att kedjan slutar hos "
            "ett organ utan '{key}' (till exempel kommunstyrelsen).",
            "A body cannot {relation} itself, neither directly nor through other bodies. Change "
            "or remove '{key}' of one of the bodies in the cycle, so that the chain ends at a "
            "body without '{key}' (for instance kommunstyrelsen).",
        ),
        ("reference", "organisation"),
    ),
    # --- TRY3xx: personal data ---------------------------------------------------------------
    Rule(
        "TRY301",
        "personal-identity-number",
        E,
        Text("Personnummer i planen", "Personal identity number in the plan"),
        Text(
            "Texten innehåller ett {kind} ({masked}); planfiler publiceras",
            "The text contains a Swedish {kind} ({masked}); plan files get published",
        ),
        Text(
            "Ta bort numret. Uppgifter om enskilda personer hör hemma i myndigheternas egna "
            "system, inte i planen; lägesbilder beskriver platser och mönster. Finns numret i "
            "git-historiken, be den som förvaltar förrådet att rensa den.",
            "Remove the number. Information about individuals belongs in the authorities' own "
            "systems, not in the plan; situation reports describe places and patterns. If the "
            "number is in the git history, ask whoever runs the repository to purge it.",
        ),
        ("personal-data",),
    ),
    Rule(
        "TRY302",
        "personal-identity-number-in-name",
        E,
        Text("Personnummer i ett filnamn", "Personal identity number in a file name"),
        Text(
            "Namnet innehåller ett {kind} ({masked}); filnamn syns i CI-loggar, rapporter och "
            "exporten",
            "The name contains a Swedish {kind} ({masked}); file names show in CI logs, "
            "reports and the export",
        ),
        Text(
            "Byt namn på filen eller mappen så att numret inte står i namnet (git mv).",
            "Rename the file or folder so that the number is not in its name (git mv).",
        ),
        ("personal-data",),
    ),
    # --- TRY4xx: deadlines, cadence and the law (trygg deadlines) ----------------------------
    # Overdue items are errors; items that fall due within the window are warnings.
    Rule(
        "TRY401",
        "action-due",
        E,
        Text("Åtgärd med tidsfrist", "Action with a deadline"),
        Text(
            "Åtgärden ”{text}” {due} {date} (ansvarig: {owner})",
            "The action “{text}” {due} {date} (owner: {owner})",
        ),
        Text(
            "När åtgärden är gjord: skriv 'status: klar' och 'klar_datum: ÅÅÅÅ-MM-DD' i "
            "mötesfilen. Är den uppskjuten: ändra 'senast' och skriv varför under 'anmärkning'.",
            "When the action is done, write 'status: klar' and 'klar_datum: YYYY-MM-DD' in the "
            "meeting file. If it is postponed, change 'senast' and say why under 'anmärkning'.",
        ),
        ("deadline",),
    ),
    Rule(
        "TRY402",
        "activity-due",
        E,
        Text("Aktivitet med slutdatum", "Activity with a due date"),
        Text(
            "Aktiviteten ”{name}” {due} {date} (ansvarig: {owner})",
            "The activity “{name}” {due} {date} (owner: {owner})",
        ),
        Text(
            "När aktiviteten är klar: skriv 'status: klar' och 'klar_datum' i aktiviteter.yaml. "
            "Har planen ändrats: ändra 'klart_senast' eller skriv 'status: avbruten'.",
            "When the activity is done, write 'status: klar' and 'klar_datum' in "
            "aktiviteter.yaml. If the plan has changed, change 'klart_senast' or write "
            "'status: avbruten'.",
        ),
        ("deadline",),
    ),
    Rule(
        "TRY403",
        "goal-due",
        E,
        Text("Mål med datum som inte är nått", "Goal with a date, not reached"),
        Text(
            "{goal} ”{name}” {due} {date}, men {progress}",
            "{goal} “{name}” {due} {date}, but {progress}",
        ),
        Text(
            "Lägg in nya värden i nyckeltal.yaml när de publiceras. Nås målet inte, besluta om "
            "ett nytt målvärde eller datum ('senast') och skriv in det i mal.yaml.",
            "Add new values to nyckeltal.yaml when they are published. If the goal is not "
            "reached, decide on a new target or date ('senast') and write it in mal.yaml.",
        ),
        ("deadline", "goals"),
    ),
    Rule(
        "TRY404",
        "document-review-due",
        E,
        Text("Styrdokument att revidera eller förnya", "Steering document due for review"),
        Text(
            "{title} ”{name}” {due} {date}; planen säger att dokumentet ska revideras "
            "{cadence}, räknat från {since}",
            "{title} “{name}” {due} {date}; the plan says the document is to be reviewed "
            "{cadence}, counted from {since}",
        ),
        Text(
            "När dokumentet har reviderats och antagits på nytt: ändra 'antaget' till det nya "
            "datumet. Ett nytt dokument, till exempel nästa års medborgarlöfte, läggs till som "
            "en egen post i styrdokument.yaml.",
            "When the document has been revised and adopted again, change 'antaget' to the new "
            "date. A new document, such as next year's medborgarlöfte, is added as an entry of "
            "its own in styrdokument.yaml.",
        ),
        ("deadline", "documents"),
    ),
    Rule(
        "TRY405",
        "document-expires",
        E,
        Text("Styrdokument som går ut", "Steering document that expires"),
        Text(
            "{title} ”{name}” {valid} till och med {date} enligt planen, och inget nyare "
            "dokument av typen {kind} har antagits",
            "{title} “{name}” {valid} until {date} according to the plan, and no newer "
            "document of the kind {kind} has been adopted",
        ),
        Text(
            "Lägg till det nya dokumentet i styrdokument.yaml med 'antaget' och 'gäller_från', "
            "eller ändra 'gäller_till' om perioden har förlängts.",
            "Add the new document to styrdokument.yaml with 'antaget' and 'gäller_från', or "
            "change 'gäller_till' if the period has been extended.",
        ),
        ("deadline", "documents"),
    ),
    Rule(
        "TRY406",
        "meeting-shortfall",
        E,
        Text("Färre möten än mötesfrekvensen", "Fewer meetings than the cadence"),
        Text(
            "{name} har hållit {held} sedan {since} ({cadence}): {missing}{interval}",
            "{name} has held {held} since {since} ({cadence}): {missing}{interval}",
        ),
        Text(
            "Lägg in mötena som har hållits i moten/ (ett möte per fil), eller ändra "
            "'mötesfrekvens' i organisation.yaml om organet har beslutat att träffas mer sällan.",
            "Add the meetings that were held to moten/ (one meeting per file), or change "
            "'mötesfrekvens' in organisation.yaml if the body has decided to meet less often.",
        ),
        ("deadline", "cadence"),
    ),
    Rule(
        "TRY407",
        "next-meeting",
        E,
        Text("Nästa möte enligt mötesfrekvensen", "Next meeting by the cadence"),
        Text(
            "{name}: nästa möte {due} {date}, {reason}",
            "{name}: the next meeting {due} {date}, {reason}",
        ),
        Text(
            "Kalla till mötet och lägg in det i moten/ när det har hållits.",
            "Call the meeting and add it to moten/ once it has been held.",
        ),
        ("deadline", "cadence"),
    ),
    Rule(
        "TRY408",
        "report-shortfall",
        E,
        Text("Färre rapporter än kadensen", "Fewer reports than the cadence"),
        Text(
            "Rapporten ”{content}” från {sender} till {recipients} har lämnats {held} sedan "
            "{since} ({cadence}): {missing}{interval}",
            "The report “{content}” from {sender} to {recipients} has been delivered {held} "
            "since {since} ({cadence}): {missing}{interval}",
        ),
        Text(
            "Skriv '{value}' under 'rapporter' i protokollet från mötet där rapporten lämnades.",
            "Write '{value}' under 'rapporter' in the minutes of the meeting where the report "
            "was delivered.",
        ),
        ("deadline", "cadence"),
    ),
    Rule(
        "TRY409",
        "next-report",
        E,
        Text("Nästa rapport enligt kadensen", "Next report by the cadence"),
        Text(
            "Rapporten ”{content}” från {sender} till {recipients} {due} {date}, {reason}",
            "The report “{content}” from {sender} to {recipients} {due} {date}, {reason}",
        ),
        Text(
            "Skriv '{value}' under 'rapporter' i protokollet från mötet där rapporten lämnas.",
            "Write '{value}' under 'rapporter' in the minutes of the meeting where the report is "
            "delivered.",
        ),
        ("deadline", "cadence"),
    ),
    Rule(
        "TRY410",
        "follow-up-shortfall",
        E,
        Text("Färre uppföljningar än kadensen", "Fewer follow-ups than the cadence"),
        Text(
            "Uppföljningen ”{description}” är gjord {held} sedan {since} ({cadence}): "
            "{missing}{interval}",
            "The follow-up “{description}” has been done {held} since {since} ({cadence}): "
            "{missing}{interval}",
        ),
        Text(
            "Skriv datumet under 'genomförd' i mal.yaml när uppföljningen är gjord.",
            "Write the date under 'genomförd' in mal.yaml when the follow-up is done.",
        ),
        ("deadline", "cadence"),
    ),
    Rule(
        "TRY411",
        "next-follow-up",
        E,
        Text("Nästa uppföljning enligt kadensen", "Next follow-up by the cadence"),
        Text(
            "Uppföljningen ”{description}” {due} {date}, {reason}",
            "The follow-up “{description}” {due} {date}, {reason}",
        ),
        Text(
            "Skriv datumet under 'genomförd' i mal.yaml när uppföljningen är gjord.",
            "Write the date under 'genomförd' in mal.yaml when the follow-up is done.",
        ),
        ("deadline", "cadence"),
    ),
    Rule(
        "TRY412",
        "evaluation-report-due",
        E,
        Text("Utvärdering att redovisa", "Evaluation report due"),
        Text(
            "Utvärderingen av aktiviteten ”{name}” {due} {date} (utförare: {by})",
            "The evaluation of the activity “{name}” {due} {date} (evaluator: {by})",
        ),
        Text(
            "När utvärderingen har redovisats: skriv 'redovisad: ÅÅÅÅ-MM-DD' under "
            "'utvärdering' i aktiviteter.yaml. Har tidplanen ändrats: ändra 'rapport_senast'.",
            "When the evaluation has been reported, write 'redovisad: YYYY-MM-DD' under "
            "'utvärdering' in aktiviteter.yaml. If the schedule has changed, change "
            "'rapport_senast'.",
        ),
        ("deadline",),
    ),
    Rule(
        "TRY413",
        "document-update-recommended",
        W,
        Text(
            "Styrdokument som trygg rekommenderar att förnya eller uppdatera",
            "Steering document trygg recommends renewing or updating",
        ),
        Text(
            "{title} ”{name}” {problem}; trygg rekommenderar att {advice} ({why})",
            "{title} “{name}” {problem}; trygg recommends that {advice} ({why})",
        ),
        Text(
            "Det här är trygg:s rekommendation, inte planens eller lagens krav, och därför en "
            "varning. Skriv in det kommunen har beslutat: 'revideras' (till exempel 'varje år' "
            "eller 'vartannat år') eller 'gäller_till' i styrdokument.yaml, och ändra 'antaget' "
            "när dokumentet har antagits på nytt.",
            "This is trygg's recommendation, not a requirement of the plan or the law, and so a "
            "warning. Write in what the kommun has decided: 'revideras' (for instance 'varje år' "
            "or 'vartannat år') or 'gäller_till' in styrdokument.yaml, and change 'antaget' when "
            "the document has been adopted again.",
        ),
        ("deadline", "documents"),
    ),
    Rule(
        "TRY420",
        "law-situation-picture",
        E,
        Text("Lägesbild enligt lag (2023:196)", "Situation picture under Act 2023:196"),
        Text(
            "Lag (2023:196) kräver en lägesbild {when}: {problem}",
            "Act 2023:196 requires a situation picture (lägesbild) {when}: {problem}",
        ),
        Text(
            "Lägg in kommunens lägesbild i styrdokument.yaml med 'typ: lägesbild', 'antaget' "
            "och 'revideras'. Lagen anger inte hur ofta den ska uppdateras: trygg följer planens "
            "egen 'revideras' eller 'gäller_till', och rekommenderar annars en uppdatering varje "
            "år.",
            "Add the kommun's situation picture to styrdokument.yaml with 'typ: lägesbild', "
            "'antaget' and 'revideras'. The act does not say how often it must be updated: trygg "
            "follows the plan's own 'revideras' or 'gäller_till', and otherwise recommends a "
            "yearly update.",
        ),
        ("deadline", "law"),
    ),
    Rule(
        "TRY421",
        "law-action-plan",
        E,
        Text("Åtgärdsplan enligt lag (2023:196)", "Action plan under Act 2023:196"),
        Text(
            "Lag (2023:196) kräver en åtgärdsplan som kommunen har beslutat {when}: {problem}",
            "Act 2023:196 requires an action plan (åtgärdsplan) decided by the kommun {when}: "
            "{problem}",
        ),
        Text(
            "Lägg in åtgärdsplanen i styrdokument.yaml med 'typ: åtgärdsplan', 'antaget' och "
            "'antaget_av': kommunfullmäktige (typ: fullmäktige) eller en nämnd (typ: nämnd), "
            "till exempel kommunstyrelsen.",
            "Add the action plan to styrdokument.yaml with 'typ: åtgärdsplan', 'antaget' and "
            "'antaget_av': the municipal council, kommunfullmäktige (typ: fullmäktige), or a "
            "committee (typ: nämnd) such as kommunstyrelsen.",
        ),
        ("deadline", "law"),
    ),
    Rule(
        "TRY422",
        "law-coordination",
        E,
        Text(
            "Samordningsfunktion enligt lag (2023:196)", "Coordination function under Act 2023:196"
        ),
        Text(
            "Lag (2023:196) kräver en samordningsfunktion {when}: {problem}",
            "Act 2023:196 requires a coordination function (samordningsfunktion) {when}: {problem}",
        ),
        Text(
            "Beskriv samordningsfunktionen under 'samordning' i organisation.yaml: 'funktion', "
            "'samordnare' (roll och tjänstgöringsgrad) och 'inrättad'.",
            "Describe the coordination function under 'samordning' in organisation.yaml: "
            "'funktion', 'samordnare' (role and share of full time) and 'inrättad'.",
        ),
        ("deadline", "law"),
    ),
    # --- TRY5xx: editing and importing -------------------------------------------------------
    Rule(
        "TRY501",
        "import-json-syntax",
        E,
        Text("Felaktig JSON i importfilen", "Invalid JSON in the import file"),
        Text("Felaktig JSON: {problem}", "Invalid JSON: {problem}"),
        Text(
            "Filen ska vara svaret från Koladas API (v2), en eller flera sidor efter varandra. "
            "Hämta den igen om den har klippts av.",
            "The file should be the answer of Kolada's API (v2), one or more pages one after "
            "the other. Fetch it again if it was cut off.",
        ),
        ("import",),
    ),
    Rule(
        "TRY502",
        "import-json-structure",
        E,
        Text("Posten har inte Koladas format", "Item not in Kolada's format"),
        Text("Posten har inte Koladas format: {problem}", "Not in Kolada's format: {problem}"),
        Text(
            'En post ska se ut så här: {{"kpi": "N07540", "municipality": "1982", '
            '"period": 2021, "values": [{{"gender": "T", "value": 11264}}]}}.',
            'An item looks like this: {{"kpi": "N07540", "municipality": "1982", '
            '"period": 2021, "values": [{{"gender": "T", "value": 11264}}]}}.',
        ),
        ("import",),
    ),
    Rule(
        "TRY503",
        "import-csv-header",
        E,
        Text("Rubrikraden saknar kolumner", "Header line lacks columns"),
        Text(
            "Rubrikraden saknar {missing} (den har: {found})",
            "The header line lacks {missing} (it has: {found})",
        ),
        Text(
            "Första raden ska vara rubrikerna kpi;kommun;period;kön;värde, med semikolon "
            "mellan. Ordningen spelar ingen roll och fler kolumner går bra.",
            "The first line should hold the headings kpi;kommun;period;kön;värde, separated by "
            "semicolons. Their order does not matter and extra columns are fine.",
        ),
        ("import",),
    ),
    Rule(
        "TRY504",
        "import-csv-columns",
        E,
        Text("Fel antal kolumner på raden", "Wrong number of columns on the line"),
        Text(
            "Raden har {count} kolumner men rubrikraden har {expected}{truncated}",
            "The line has {count} columns but the header line has {expected}{truncated}",
        ),
        Text(
            "Kontrollera att raden är hel och att ett värde som innehåller semikolon står inom "
            "citattecken.",
            "Check that the line is complete and that a value holding a semicolon is quoted.",
        ),
        ("import",),
    ),
    Rule(
        "TRY505",
        "import-number",
        E,
        Text("Värdet är inte ett tal", "Value is not a number"),
        Text("'{value}' i {field} är inte ett tal", "'{value}' in {field} is not a number"),
        Text(
            "Skriv talet med decimalkomma eller decimalpunkt (22,6), '..' för ett värde som "
            "inte redovisas och '-' för noll.",
            "Write the number with a decimal comma or point (22,6), '..' for a value that is "
            "not published and '-' for zero.",
        ),
        ("import",),
    ),
    Rule(
        "TRY506",
        "import-period",
        E,
        Text("Perioden går inte att läsa", "Period cannot be read"),
        Text("'{value}' är inte en period", "'{value}' is not a period"),
        Text(
            "Kolada redovisar år: skriv till exempel 2021.",
            "Kolada reports years: write for example 2021.",
        ),
        ("import",),
    ),
    Rule(
        "TRY507",
        "import-field",
        E,
        Text("Fel värde i en kolumn", "Wrong value in a column"),
        Text(
            "'{value}' i kolumnen {column_name} är inte {expected}",
            "'{value}' in the column {column_name} is not {expected}",
        ),
        Text(
            "Rätta värdet eller exportera filen från Kolada igen.",
            "Correct the value or export the file from Kolada again.",
        ),
        ("import",),
    ),
    Rule(
        "TRY508",
        "import-encoding",
        E,
        Text("Importfilen är inte UTF-8", "Import file is not UTF-8"),
        Text("Filen är inte UTF-8 ({problem})", "The file is not UTF-8 ({problem})"),
        Text(
            "Spara filen som UTF-8. I Excel: Spara som → CSV UTF-8 (kommaavgränsad).",
            "Save the file as UTF-8. In Excel: Save As → CSV UTF-8 (Comma delimited).",
        ),
        ("import",),
    ),
    Rule(
        "TRY509",
        "import-empty",
        E,
        Text("Importfilen har inga värden", "Import file holds no values"),
        Text("Filen innehåller inga värden att importera", "The file holds no values to import"),
        Text(
            "Kontrollera att det är rätt fil: en export från Kolada (JSON från API:t eller "
            "CSV med kpi;kommun;period;kön;värde).",
            "Check that it is the right file: an export from Kolada (JSON from the API, or CSV "
            "with kpi;kommun;period;kön;värde).",
        ),
        ("import",),
    ),
    Rule(
        "TRY510",
        "import-conflict",
        E,
        Text("Samma värde två gånger med olika tal", "Same figure twice with different numbers"),
        Text(
            "{kpi} för {municipality} {period} ({gender}) finns redan på rad {first_line} med "
            "ett annat värde",
            "{kpi} for {municipality} {period} ({gender}) is already on line {first_line} with "
            "another value",
        ),
        Text(
            "Ta bort den rad som är fel; trygg väljer inte åt dig.",
            "Remove the line that is wrong; trygg will not choose for you.",
        ),
        ("import",),
    ),
    Rule(
        "TRY511",
        "import-csv-syntax",
        E,
        Text("CSV-filen går inte att läsa", "CSV file cannot be read"),
        Text("CSV-fel: {problem}", "CSV error: {problem}"),
        Text(
            'Kontrollera citattecknen på raden: ett värde som börjar med " måste sluta med ".',
            'Check the quotes on the line: a value that starts with " must end with ".',
        ),
        ("import",),
    ),
    Rule(
        "TRY512",
        "import-csv-header-twice",
        E,
        Text("En kolumn finns två gånger", "A column appears twice"),
        Text(
            "Rubrikraden har {heading} två gånger ({found}): trygg vet inte vilken som gäller",
            "The header line has {heading} twice ({found}): trygg cannot tell which one holds",
        ),
        Text(
            "Ta bort eller byt namn på den ena kolumnen, så att kpi, kommun, period, kön och "
            "värde finns en gång var.",
            "Remove or rename one of the columns, so that kpi, kommun, period, kön and värde "
            "appear once each.",
        ),
        ("import",),
    ),
    Rule(
        "TRY513",
        "import-number-range",
        E,
        Text("Talet är för stort", "Number too large"),
        Text(
            "'{value}' i {field} är större än något nyckeltal kan vara",
            "'{value}' in {field} is larger than any indicator can be",
        ),
        Text(
            "Ett nyckeltal är till beloppet högst 1 000 000 000 000. Kontrollera att filen är en "
            "export av nyckeltal och att kolumnerna inte har blandats ihop.",
            "An indicator is at most 1,000,000,000,000 either way. Check that the file is an "
            "export of indicators and that its columns have not been mixed up.",
        ),
        ("import",),
    ),
    Rule(
        "TRY520",
        "edit-unreadable",
        E,
        Text("Filen kan inte ändras automatiskt", "File cannot be edited automatically"),
        Text(
            "trygg kan inte läsa filen för att ändra den: {problem}",
            "trygg cannot read the file to edit it: {problem}",
        ),
        Text(
            "Kontrollera filen med 'trygg validate' och gör ändringen för hand.",
            "Check the file with 'trygg validate' and make the change by hand.",
        ),
        ("edit",),
    ),
    Rule(
        "TRY521",
        "edit-would-lose-comment",
        E,
        Text("En kommentar skulle gå förlorad", "A comment would be lost"),
        Text(
            "Ändringen skulle ta bort kommentaren '{comment}', så filen skrevs inte",
            "The change would remove the comment '{comment}', so the file was not written",
        ),
        Text(
            "Gör ändringen för hand, eller flytta kommentaren till en egen rad ovanför nyckeln "
            "den handlar om. Rapportera gärna filen som en bugg i trygg.",
            "Make the change by hand, or move the comment to a line of its own above the key it "
            "is about. Please report the file as a bug in trygg.",
        ),
        ("edit",),
    ),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in _ALL}
