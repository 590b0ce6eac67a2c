"""The English of every help text in ``trygg``'s help screens, under ``--lang en``.

The help texts are declared in Swedish where the commands are (``help=`` of an option or
argument, a command's docstring, a group's ``help=``): Swedish is the source of truth. This
catalog maps each of them, exactly as declared (a docstring as :func:`inspect.getdoc` gives
it), to its English translation; :func:`trygghet_cli.cli.help_screen.help_text` looks them up
when a help screen is written in English. A test walks every command and fails when a help
text has no entry here, so change an entry's key whenever its Swedish text changes.

Swedish terms that users meet in the plan's files (lägesbild, lägesrapport, nyckeltal,
kommunkod, the values of ``--kind``) are kept, with an English gloss, as in the English
messages of :mod:`trygghet_cli.rules`.
"""

from __future__ import annotations

HELP_EN: dict[str, str] = {
    # trygg
    (
        "trygg: kommunens brottsförebyggande och trygghetsskapande arbete som YAML i git. "
        "Validera planen, ta fram lägesrapporter, bevaka tidsfrister och jämför med riket."
    ): (
        "trygg: the municipality's crime prevention and community safety work as YAML in git. "
        "Validate the plan, produce quarterly briefs (lägesrapporter), watch deadlines and "
        "compare with national figures."
    ),
    "Visa versionen och avsluta.": "Show the version and exit.",
    # trygg action
    "Åtgärder: markera en som klar eller lägg till en i ett möte.": (
        "Actions: mark one as done or add one to a meeting."
    ),
    # trygg action add
    "Lägg till en öppen åtgärd i ett mötes åtgärder.": "Add an open action to a meeting's actions.",
    "Vad som ska göras.": "What is to be done.",
    "Roll eller organ (id) som ansvarar.": "The role or body (id) responsible.",
    "Senast klar, ÅÅÅÅ-MM-DD.": "Done by, YYYY-MM-DD.",
    "Mötesfilen åtgärden beslutades vid.": (
        "The meeting file of the meeting that decided the action."
    ),
    "Organet vars senaste möte (eller möte --date) den hör till.": (
        "The body whose latest meeting (or whose meeting on --date) it belongs to."
    ),
    "Mötets datum, med --body.": "The meeting's date, with --body.",
    "Åtgärdens id. Standard: nästa i planens serie (fa-2021-58).": (
        "The action's id. Default: the next in the plan's series (fa-2021-58)."
    ),
    "Aktiviteten (id) åtgärden hör till.": "The activity (id) the action belongs to.",
    "En anmärkning.": "A note.",
    "Planens mapp (eller en fil eller mapp i den). Standard: den aktuella mappen.": (
        "The plan's folder (or a file or folder in it). Default: the current folder."
    ),
    "Visa vad som skulle ändras, men skriv inget.": "Show what would change, but write nothing.",
    "Visa ändringarna som en diff (som git diff).": "Show the changes as a diff (like git diff).",
    (
        "Språk för meddelanden och rapporter: sv (standard) eller en. Kan också sättas med "
        "miljövariabeln TRYGG_LANG."
    ): (
        "Language of messages and reports: sv (the default) or en. Can also be set with the "
        "environment variable TRYGG_LANG."
    ),
    # trygg action done
    "Markera en åtgärd som klar: status klar och klar_datum, i filen där den står.": (
        "Mark an action as done: status klar (done) and klar_datum (date done), in the file "
        "where it is written."
    ),
    "Åtgärdens (eller aktivitetens) id.": "The action's (or activity's) id.",
    "Dagen den blev klar, ÅÅÅÅ-MM-DD. Standard: i dag.": (
        "The day it was done, YYYY-MM-DD. Default: today."
    ),
    # trygg overview
    (
        "Översikt över många planer, en rad per kommun: lagens tre krav, organens möten, det som\n"
        "är försenat, nyckeltalen mot riket och planens kontroll, med länens summor överst.\n\n"
        "Siffrorna är desamma som i varje kommuns lägesrapport och i trygg deadlines samma dag.\n"
        "Avslutas med 0 när översikten är skriven (planernas fel står i den) och 2 vid felaktig\n"
        "användning."
    ): (
        "An overview of many plans, one row per municipality: the act's three obligations, the\n"
        "bodies' meetings, what is overdue, the indicators against the country and the plan's\n"
        "check, with the counties' totals on top.\n\n"
        "The figures are those of each municipality's brief (lägesrapport) and of trygg deadlines "
        "on the same day.\n"
        "Exits with 0 when the overview is written (the plans' errors are in it) and 2 on wrong "
        "usage."
    ),
    "Dagen som allt bedöms per, ÅÅÅÅ-MM-DD. Standard: i dag.": (
        "The day everything is judged as of, YYYY-MM-DD. Default: today."
    ),
    ("Bara kommunerna i ett län: länskoden (14 för Västra Götalands län) eller länets namn."): (
        "Only the municipalities of one county (län): the county code (14 for Västra Götalands "
        "län) or the county's name."
    ),
    (
        "Skriv till en fil, eller till en befintlig mapp (oversikt.html, oversikt.xlsx, "
        "oversikt.json, en CSV-fil per tabell). Standard: standard ut."
    ): (
        "Write to a file, or into an existing folder (oversikt.html, oversikt.xlsx, "
        "oversikt.json, one CSV file per table). Default: standard output."
    ),
    (
        "html (en sida), xlsx (en arbetsbok med ett blad per tabell), csv eller json. Standard: "
        "efter filändelsen i --output, annars html till en mapp och csv till standard ut."
    ): (
        "html (one page), xlsx (a workbook with one sheet per table), csv or json. Default: by "
        "the file name's extension in --output, else html into a folder and csv to standard "
        "output."
    ),
    # trygg compare
    (
        "Jämför planernas nyckeltal med riket: värde, rikets värde samma period, skillnad, "
        "trend.\n"
        "\n"
        "För en andel (procent) är skillnaden i procentenheter, för ett tal per 100 000 invånare\n"
        "relativ, i procent. Om den är bättre eller sämre följer nyckeltalets riktning."
    ): (
        "Compare the plans' indicators with the national figures: value, the national value for\n"
        "the same period, difference, trend.\n"
        "\n"
        "For a share (percent) the difference is in percentage points; for a rate per 100,000\n"
        "inhabitants it is relative, in percent. Whether it is better or worse follows the\n"
        "indicator's direction."
    ),
    (
        "table (terminalen), markdown, csv (för Excel; semikolon och decimalkomma med --lang sv) "
        "eller json."
    ): (
        "table (the terminal), markdown, csv (for Excel; semicolons and decimal commas with "
        "--lang sv) or json."
    ),
    "Bara ett nyckeltal: dess id i planen eller den nationella seriens id.": (
        "Only one indicator: its id in the plan or the national series' id."
    ),
    "Jämför det här året. Standard: senaste år som både planen och riket har.": (
        "Compare this year. Default: the latest year that both the plan and the national figures "
        "have."
    ),
    (
        "Jämför som det var den dagen, ÅÅÅÅ-MM-DD: bara värden vars period har slutat och rikets "
        "värden som var publicerade då. Standard: alla värden."
    ): (
        "Compare as things stood on that day, YYYY-MM-DD: only values whose period had ended and "
        "national values that had been published by then. Default: all values."
    ),
    "Visa de nationella serier som trygg har med sig.": (
        "List the national series that come with trygg."
    ),
    "Skriv till en fil i stället för standard ut (atomärt: filen är hel eller orörd).": (
        "Write to a file instead of standard output (atomically: the file is complete or "
        "untouched)."
    ),
    # trygg deadlines
    (
        "Visa det som är försenat och det som förfaller snart: åtgärder, aktiviteter, mål,\n"
        "styrdokument, rapporter, uppföljningar, möten och lagkraven i lag (2023:196).\n"
        "\n"
        "Avslutas med 0 när inget är försenat, 1 när något är det (se --fail-on) eller när "
        "planen\n"
        "har fel, och 2 vid felaktig användning."
    ): (
        "Show what is overdue and what falls due soon: actions, activities, goals, steering\n"
        "documents, reports, follow-ups, meetings and the requirements of Act 2023:196.\n"
        "\n"
        "Exits with 0 when nothing is overdue, 1 when something is (see --fail-on) or when the "
        "plan\n"
        "has errors, and 2 on incorrect usage."
    ),
    "Planer eller mappar med planer. Standard: den aktuella mappen.": (
        "Plans or folders of plans. Default: the current folder."
    ),
    "Dagen som tidsfristerna bedöms per, ÅÅÅÅ-MM-DD. Standard: i dag.": (
        "The day to judge the deadlines on, YYYY-MM-DD. Default: today."
    ),
    (
        "Hur många dagar framåt som räknas som 'förfaller snart'. Standard: 30, och 365 för "
        "--format ics."
    ): ("Days ahead that count as 'due soon'. Default: 30, or 365 for --format ics."),
    (
        "Utdataformat: text, json, ics (iCalendar) eller github (annoteringar). Standard: text, "
        "eller github inne i GitHub Actions."
    ): (
        "Output format: text, json, ics (iCalendar) or github (annotations). Default: text, or "
        "github inside GitHub Actions."
    ),
    (
        "När avslutningskoden blir 1: vid något försenat (overdue), också vid det som förfaller "
        "snart (due-soon), eller aldrig (never)."
    ): (
        "When the exit code is 1: when anything is overdue (overdue), also when anything falls "
        "due soon (due-soon), or never (never)."
    ),
    "Regel-id att hoppa över, till exempel TRY204. Kan anges flera gånger.": (
        "A rule id to skip, for example TRY204. Can be given more than once."
    ),
    # trygg export
    (
        "Hela planen som sidor för intranätet: översikt, organisation med diagram,\n"
        "styrdokument, mål, aktiviteter, nyckeltal med diagram mot riket och mötesloggen.\n"
        "\n"
        "Lägen (försenat, förfaller, mål, aktiviteter, åtgärder) bedöms per --as-of, med samma\n"
        "uppföljning som trygg deadlines och lägesrapporten. Länkarna är relativa, så mappen\n"
        "fungerar var den än kopieras."
    ): (
        "The whole plan as pages for the intranet: overview, organisation with a chart, steering\n"
        "documents, goals, activities, indicators with charts against the national figures, and "
        "the\n"
        "meeting log.\n"
        "\n"
        "Statuses (overdue, due, goals, activities, actions) are judged as of --as-of, with the\n"
        "same follow-up as trygg deadlines and the quarterly brief. The links are relative, so "
        "the\nfolder works wherever it is copied."
    ),
    "Dagen som lägen och tidsfrister bedöms per, ÅÅÅÅ-MM-DD. Standard: i dag.": (
        "The day to judge statuses and deadlines on, YYYY-MM-DD. Default: today."
    ),
    "Mappen sidorna skrivs till (skapas vid behov).": (
        "The folder the pages are written to (created when needed)."
    ),
    "Planens mapp. Standard: den aktuella mappen.": (
        "The plan's folder. Default: the current folder."
    ),
    "markdown (GitHub/GitLab, diagram i Mermaid) eller html (fristående sidor).": (
        "markdown (GitHub/GitLab, charts in Mermaid) or html (standalone pages)."
    ),
    # trygg fmt
    (
        "Skriv planens filer i kanonisk form: två blankstegs indrag, nycklar i schemats ordning,\n"
        "kommentarer kvar.\n"
        "\n"
        "Avslutas med 0 när allt gick bra, 1 om en fil har fel (eller med --check om någon fil\n"
        "skulle ändras), 2 vid felaktig användning."
    ): (
        "Write the plan's files in canonical form: two-space indentation, keys in the schema's\n"
        "order, comments kept.\n"
        "\n"
        "Exits with 0 when all went well, 1 if a file has errors (or, with --check, if any file\n"
        "would change), 2 on incorrect usage."
    ),
    "Planer, mappar med planer eller filer i en plan. Standard: den aktuella mappen.": (
        "Plans, folders of plans or files in a plan. Default: the current folder."
    ),
    "Skriv inget; avsluta med 1 om någon fil skulle ändras.": (
        "Write nothing; exit with 1 if any file would change."
    ),
    "Visa ändringarna som en diff; skriv inget.": "Show the changes as a diff; write nothing.",
    # trygg indicator
    "Nyckeltal: för in ett värde, importera en fil från Kolada eller hämta ur Koladas API.": (
        "Indicators (nyckeltal): enter a value, import a file from Kolada or fetch from Kolada's "
        "API."
    ),
    # trygg indicator fetch
    (
        "Hämta värden ur Koladas öppna API (v3) till nyckeltalen som anger kolada_kpi.\n"
        "\n"
        "Värdena hämtas för planens kommun och för riket (Koladas 0000): kommunens blir värden "
        "med\n"
        "geografi kommun, rikets värden med geografi riket som compare och lägesbilden jämför "
        "med.\n"
        "Alla sidor hämtas innan planen ändras: går nätet eller Kolada sönder ändras ingenting.\n"
        "Svaren sparas i trygg:s cache ett dygn."
    ): (
        "Fetch values from Kolada's open API (v3) into the indicators that name a kolada_kpi.\n"
        "\n"
        "Values are fetched for the plan's municipality and for the country (Kolada's 0000): "
        "the\n"
        "municipality's become values with geography kommun, the country's values with "
        "geography\n"
        "riket, which compare and the brief compare with. Every page is fetched before the plan "
        "is\n"
        "changed: if the network or Kolada fails, nothing changes. Answers are kept in trygg's "
        "cache\n"
        "for a day."
    ),
    "Koladas id, t.ex. N07540; utan id hämtas alla kolada_kpi i planen.": (
        "Kolada's id, e.g. N07540; without ids every kolada_kpi of the plan is fetched."
    ),
    "Vilka år: 2023, 2021,2023 eller 2019-2023. Standard: alla år Kolada har.": (
        "Which years: 2023, 2021,2023 or 2019-2023. Default: every year Kolada has."
    ),
    "Märk de hämtade värdena som preliminära.": "Mark the fetched values as preliminary.",
    "Hur länge trygg väntar på Koladas svar.": "How long trygg waits for Kolada's answer.",
    "Hur många gånger ett misslyckat anrop görs om.": "How many times a failed request is retried.",
    "Fråga Kolada även om cachen har ett svar från det senaste dygnet.": (
        "Ask Kolada even when the cache has an answer from the last 24 hours."
    ),
    "Varken läs eller spara svar i cachen.": "Neither read nor keep answers in the cache.",
    # trygg indicator import
    (
        "Importera värden från Kolada till nyckeltalen som anger kolada_kpi.\n"
        "\n"
        "Kommunen är planens kommunkod, perioden Koladas år, geografin kommun. Raden för varje "
        "värde\n"
        "som läggs till, ändras (gammalt → nytt) eller hoppas över visas. En skadad fil ändrar\n"
        "ingenting."
    ): (
        "Import values from Kolada into the indicators that name a kolada_kpi.\n"
        "\n"
        "The municipality is the plan's municipality code (kommunkod), the period Kolada's year, "
        "the\n"
        "geography kommun. The line of every value added, changed (old → new) or skipped is "
        "shown. A\n"
        "damaged file changes nothing."
    ),
    "Export från Kolada: JSON från API:t eller CSV (kpi;kommun;period;kön;värde).": (
        "An export from Kolada: JSON from the API, or CSV (kpi;kommun;period;kön;värde)."
    ),
    "Vilket kön som importeras: T (totalt), K eller M.": (
        "Which gender is imported: T (total), K (women) or M (men)."
    ),
    "Märk de importerade värdena som preliminära.": "Mark the imported values as preliminary.",
    "Märk de importerade värdena som påhittade (illustrativa).": (
        "Mark the imported values as made up (illustrative)."
    ),
    "Visa alla överhoppade rader.": "Show every skipped line.",
    # trygg indicator set
    (
        "För in ett värde: ändrar värdet för perioden och geografin om det finns, annars läggs\n"
        "det till i periodordning."
    ): (
        "Enter a value: changes the value for the period and geography if there is one, "
        "otherwise\n"
        "adds it in period order."
    ),
    "Nyckeltalets id, t.ex. anmalda-brott.": "The indicator's id, e.g. anmalda-brott.",
    "Perioden: 2021, 2021Q1, 2021T1, 2021H1 eller 2021-03.": (
        "The period: 2021, 2021Q1, 2021T1, 2021H1 or 2021-03."
    ),
    "Värdet, med decimalkomma eller -punkt: 22,6.": (
        "The value, with a decimal comma or point: 22,6."
    ),
    "Var värdet gäller: NIVÅ eller NIVÅ:NAMN, t.ex. 'lokalpolisområde:Norra Västmanland'.": (
        "Where the value applies: LEVEL or LEVEL:NAME, e.g. 'lokalpolisområde:Norra Västmanland'."
    ),
    "Värdet är preliminärt.": "The value is preliminary.",
    "Värdet är påhittat (illustrativt).": "The value is made up (illustrative).",
    "En anmärkning om värdet.": "A note on the value.",
    # trygg init
    (
        "Starta ett förråd för kommunens plan: planfiler, README, CI, pre-commit och editor.\n"
        "\n"
        "Kommunen anges med namn (--kommun), kommunkod (--kommunkod) eller båda; det som saknas\n"
        "fylls i ur SCB:s register. Skriver bara filer som inte finns; befintliga filer lämnas\n"
        "orörda och räknas upp."
    ): (
        "Start a repository for the municipality's plan: plan files, README, CI, pre-commit and\n"
        "editor.\n"
        "\n"
        "The municipality is given by name (--kommun), code (--kommunkod) or both; what is\n"
        "missing is filled in from SCB's register. Writes only files that do not exist;\n"
        "existing files are left untouched and listed."
    ),
    "Mappen som förrådet skrivs i. Skapas om den inte finns.": (
        "The folder the repository is written in. Created if it does not exist."
    ),
    "Kommunens namn, till exempel Fagersta; ger kommunkoden.": (
        "The municipality's name, for example Fagersta; gives the code."
    ),
    "SCB:s fyrsiffriga kommunkod, till exempel 1982; ger namn och län.": (
        "Statistics Sweden's (SCB) four-digit municipality code, for example 1982; gives the "
        "name and county."
    ),
    "Folkmängd enligt SCB (kräver --folkmangd-ar).": (
        "Population according to SCB (requires --folkmangd-ar)."
    ),
    "Året som folkmängden avser.": "The year the population refers to.",
    "Polisområdet kommunen ligger i, till exempel 'Västmanland' för Fagersta.": (
        "The police area (polisområde) the municipality lies in, for example 'Västmanland' for "
        "Fagersta."
    ),
    (
        "Lokalpolisområdet kommunen ligger i, till exempel 'Norra Västmanland' för Fagersta "
        "(kräver --polisomrade)."
    ): (
        "The local police area (lokalpolisområde) the municipality lies in, for example 'Norra "
        "Västmanland' for Fagersta (requires --polisomrade)."
    ),
    (
        "Varifrån CI installerar trygg: pypi, en paketserver (https://…), en git-adress "
        "(git+https://…) eller en wheel-fil (….whl, läggs i förrådet). Standard: samma källa "
        "som trygg på datorn installerades från."
    ): (
        "Where CI installs trygg from: pypi, a package index (https://…), a git address "
        "(git+https://…) or a wheel file (….whl, put in the repository). Default: the source "
        "the trygg on this computer was installed from."
    ),
    # trygg meeting
    "Mötesloggen: skapa ett nytt möte ur en mall.": (
        "The meeting log: create a new meeting from a template."
    ),
    # trygg meeting new
    (
        "Skapa moten/ÅÅÅÅ-MM-DD-organ.yaml med organets ledamöter som närvarande och dess\n"
        "öppna åtgärder på dagordningen för uppföljning."
    ): (
        "Create moten/YYYY-MM-DD-body.yaml with the body's members as present and its open\n"
        "actions on the agenda for follow-up."
    ),
    "Organet (id) som håller mötet, t.ex. lokala-bra.": (
        "The body (id) that holds the meeting, e.g. lokala-bra."
    ),
    "Mötets datum, ÅÅÅÅ-MM-DD.": "The meeting's date, YYYY-MM-DD.",
    "ordinarie (standard), extra eller akut.": (
        "ordinarie (regular; the default), extra or akut (urgent)."
    ),
    "Var mötet hålls.": "Where the meeting is held.",
    "En egen mall (Jinja2) i stället för trygg:s.": (
        "Your own template (Jinja2) instead of trygg's."
    ),
    # trygg report
    (
        "Lägesrapport för ett kvartal: möten, beslut, åtgärder, mål, jämförelse med riket,\n"
        "lägesbilden och tidsfristerna nästa kvartal.\n"
        "\n"
        "Ett kvartal som har slutat bedöms per sin sista dag, ett som pågår per i dag (--as-of).\n"
        "\n"
        "Avslutas med 1 om planen har fel (de visas då som i trygg validate)."
    ): (
        "Quarterly brief (lägesrapport): meetings, decisions, actions, goals, comparison with "
        "the\n"
        "national figures, the situation picture (lägesbild) and next quarter's deadlines.\n"
        "\n"
        "A quarter that has ended is judged as of its last day, one under way as of today "
        "(--as-of).\n"
        "\n"
        "Exits with 1 if the plan has errors (they are then shown as by trygg validate)."
    ),
    "Kvartalet: 2021Q1, 2021-Q1 eller 2021K1.": "The quarter: 2021Q1, 2021-Q1 or 2021K1.",
    (
        "Dagen rapporten skrivs, ÅÅÅÅ-MM-DD: ett kvartal som inte är slut bedöms per den dagen. "
        "Standard: i dag."
    ): (
        "The day the brief is written, YYYY-MM-DD: a quarter that has not ended is judged as of "
        "that day. Default: today."
    ),
    (
        "markdown, html eller pdf (PDF/A för mötessystemet och diariet). Standard: html när "
        "--output slutar på .html, pdf när det slutar på .pdf, annars markdown."
    ): (
        "markdown, html or pdf (PDF/A for the meeting system and the registry). Default: html "
        "when --output ends in .html, pdf when it ends in .pdf, otherwise markdown."
    ),
    (
        "En mapp med kommunens egna mallar (brief.md.j2, brief.html.j2, som också ger PDF:en); "
        "det som saknas där tas från trygg:s mallar."
    ): (
        "A folder with the municipality's own templates (brief.md.j2, brief.html.j2, which also "
        "makes the PDF); whatever is missing there is taken from trygg's templates."
    ),
    # trygg schema
    "Skriv JSON-scheman för planens filer (för editorer och check-jsonschema).": (
        "Write JSON schemas for the plan's files (for editors and check-jsonschema)."
    ),
    "Mappen som scheman skrivs till.": "The folder the schemas are written to.",
    "Skriv inget; avsluta med 1 om mappens scheman är inaktuella.": (
        "Write nothing; exit with 1 if the folder's schemas are out of date."
    ),
    # trygg validate
    (
        "Kontrollera planer: syntax, nycklar, värden, hänvisningar och datum.\n"
        "\n"
        "Avslutas med 0 när allt är rätt, 1 vid fel (och vid varningar med --strict),\n"
        "2 vid felaktig användning."
    ): (
        "Check plans: syntax, keys, values, references and dates.\n"
        "\n"
        "Exits with 0 when all is well, 1 on errors (and on warnings with --strict), 2 on "
        "incorrect\n"
        "usage."
    ),
    "Utdataformat. Standard: text, eller github inne i GitHub Actions.": (
        "Output format. Default: text, or github inside GitHub Actions."
    ),
    "Varningar ger också felkod 1.": "Warnings also give exit code 1.",
    "Antal processer. Standard: en per kärna när det är många filer, annars en.": (
        "Number of processes. Default: one per core for many files, otherwise one."
    ),
    (
        "Läs om varje fil i stället för att använda cachen (i $TRYGG_CACHE_DIR, annars "
        "~/.cache/trygg)."
    ): (
        "Read every file again instead of using the cache (in $TRYGG_CACHE_DIR, otherwise "
        "~/.cache/trygg)."
    ),
}
