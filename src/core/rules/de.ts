import type { LanguageRules } from './schema';

/** A date, weekday or time span in the sentence: what turns a vague promise into a commitment. */
/** What makes a vague time vaguer, replaced with it: „irgendwann | im Sommer“. */
const VAGUE_SPAN = '\\s+(?:im|in\\s+den|in\\s+der|nächste|nächsten|diese|diesen|dieses|kommende|kommenden)\\s+'
  + '(?:Sommer|Winter|Frühling|Herbst|Frühjahr|Jahr|Monat|Monaten|Woche|Wochen|Quartal|Ferien|Sommerferien|Zeit)\\b';

const CONCRETE_TIME = ['bis|am|zum|vor|ab|spätestens|nach dem? {WEEKDAY}|{MONTH}|{NUM}|morgen|heute|übermorgen|Mittag', '{WEEKDAY}',
  '{NUM}|{NUMBER_WORD} {TIME_UNIT}', '{NUM} Uhr|Minuten', 'in|innerhalb einer|einem|eines {TIME_UNIT}'];

/** The condition or date a reframed refusal asks the writer to name. */
const AB = '${1:ab …}';
/** A reframed softener or „Nein“ goes on with what is possible. */
const ABER = ', aber ${1:was stattdessen möglich ist}';
/** No second „aber“ where the sentence already goes on with one. */
const NO_ABER_AFTER = '^(?=\\s+\\p{L})(?!\\s+nicht\\s*\\p{P})(?!.*\\b(?:aber|doch|jedoch|sondern)\\b)';
/** Softeners a reframe that repeats the clause's words leaves out. */
const SOFTENER_WORDS = 'leider|bedauerlicherweise|dummerweise';
/** Where the sentence goes on with „aber …“, „zwar“ alone makes the pair. */
const ABER_AFTER = '^\\s+\\p{L}.*\\baber\\b';
/** Nouns that stand without an article once „kein“ goes (mass nouns, and what looks plural): „keine Zeit“ → „Zeit ab …“. */
const MASS_NOUN = 'Zeit|Kapazität|Kapazitäten|Budget|Ressourcen|Luft|Spielraum|Platz|Personal|Lust|Termine|Rabatte|Angebote|Produkte|Entwürfe|Texte|Aufträge|Projekte'
  + '|\\p{L}+(?:en|er|s)';

/** German rule data. Patterns use the phrase language of `../pattern.ts`. */
export const de: LanguageRules = {
  lang: 'de',
  classes: {
    // Pronouns that can take the subject's place when a sentence-opening adverb is dropped (verb-second order).
    PRON: ['ich', 'wir', 'es', 'das', 'man', 'sie', 'er', 'du', 'dies', 'diese', 'dieser', 'dieses'],
    NEG_ADJ: ['möglich', 'machbar', 'umsetzbar', 'realisierbar', 'drin', 'vorgesehen', 'erlaubt', 'zulässig', 'leistbar',
      'darstellbar', 'verfügbar', 'lieferbar', 'zu machen', 'zu schaffen'],
    DANKE: ['vielen Dank', 'danke', 'herzlichen Dank', 'besten Dank', 'danke schön', 'dankeschön', 'danke sehr', 'lieben Dank',
      'tausend Dank', 'ganz herzlichen Dank', 'recht herzlichen Dank'],
    GERN: ['gern', 'gerne', 'sehr gern', 'sehr gerne'],
    // First-person forms of verbs that offer something.
    OFFER: ['schicke', 'sende', 'empfehle', 'übertrage', 'vereinbare', 'verlängere', 'übernehme', 'stelle', 'mache', 'erstelle',
      'biete', 'bieten', 'richte', 'buche', 'helfe', 'unterstütze', 'bereite', 'liefere', 'gestalte', 'kümmere', 'plane',
      'reserviere', 'lege', 'schlage', 'vermittle', 'zeige', 'prüfe', 'kläre', 'schicken', 'senden', 'empfehlen', 'liefern',
      'erstellen', 'übernehmen', 'machen', 'richten', 'gestalten', 'vermitteln'],
    FOLLOW_UP: ['ich melde mich', 'wir melden uns', 'ich komme auf Sie zurück', 'wir kommen auf Sie zurück', 'ich komme auf dich zurück',
      'ich gebe Ihnen Bescheid', 'ich gebe dir Bescheid', 'wir geben Ihnen Bescheid', 'wir antworten Ihnen', 'ich antworte Ihnen',
      'ich antworte dir', 'wir kümmern uns darum', 'ich kümmere mich darum'],
    WEEKDAY: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag', 'Mo', 'Di', 'Mi', 'Do', 'Fr'],
    MONTH: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November',
      'Dezember', 'Jan', 'Feb', 'Aug', 'Sept', 'Okt', 'Nov', 'Dez'],
    SIE_DU: ['Sie', 'du', 'Ihnen', 'dir', 'Ihr', 'Ihre', 'Ihren', 'dein', 'deine', 'deinen'],
    // What may stand after a clause-final „nicht“: separable particles and a few adverbs of time.
    NEG_TAIL: ['mehr', 'hin', 'mehr hin', 'rechtzeitig hin', 'an', 'ab', 'zu', 'mit', 'unter', 'rein', 'dazwischen', 'fertig',
      'mehr fertig', 'gebacken', 'gestemmt', 'rechtzeitig', 'mehr rechtzeitig', 'pünktlich', 'so schnell', 'so kurzfristig',
      'kurzfristig'],
    // Verbs whose negation reports or reassures rather than refuses („Das vergessen wir nicht.“).
    NOT_REFUSAL_VERB: ['weiß', 'wissen', 'glaube', 'glauben', 'denke', 'denken', 'hoffe', 'hoffen', 'vergesse', 'vergessen',
      'verstehe', 'verstehen', 'bereue', 'bereuen', 'enttäusche', 'enttäuschen', 'berechne', 'berechnen', 'verrechne', 'verrechnen',
      'rechne', 'rechnen', 'brauche', 'brauchen', 'zweifle', 'zweifeln', 'vermute', 'vermuten', 'befürchte', 'befürchten',
      'kenne', 'kennen', 'verlange', 'verlangen', 'höre', 'hören', 'gebe', 'geben', 'übersehe', 'übersehen', 'unterschätze',
      'unterschätzen', 'erwarte', 'erwarten'],
    // Words between „geht“ and „nicht“ in „geht bei uns jetzt nicht“; not „leider“, which has its own finding and fix.
    GEHT_ADV: ['jetzt', 'momentan', 'gerade', 'aktuell', 'derzeit', 'zurzeit', 'diesmal', 'so', 'dann', 'hier', 'da',
      'zeitlich', 'terminlich', 'technisch', 'diese Woche', 'heute', 'morgen', 'kurzfristig', 'mittlerweile', 'inzwischen', 'nun',
      'wirklich', 'einfach', 'also', 'bis dahin', 'bei uns', 'bei mir', 'für uns', 'für mich', 'uns', 'mir'],
    // What the client should have done earlier: „hätten Sie uns früher Bescheid geben müssen“.
    HAETTEN_SIE: ['hätten Sie', 'hättest du', 'Sie hätten', 'du hättest'],
    BLAME_ADV: ['früher', 'rechtzeitig', 'vorher', 'vorab', 'eher', 'sofort', 'gleich', 'zuerst', 'genauer', 'frühzeitig', 'besser'],
    BLAME_VERB: ['wissen', 'lesen', 'prüfen', 'beachten', 'klären', 'abklären', 'fragen', 'nachfragen', 'melden', 'angeben',
      'mitteilen', 'sagen', 'schicken', 'senden', 'bezahlen', 'zahlen'],
    // A concrete time that turns a vague promise into a commitment.
    NUMBER_WORD: ['ein', 'eine', 'einen', 'einem', 'einer', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'zehn'],
    TIME_UNIT: ['Stunde', 'Stunden', 'Tag', 'Tage', 'Tagen', 'Tages', 'Werktag', 'Werktage', 'Werktagen', 'Arbeitstag',
      'Arbeitstage', 'Arbeitstagen', 'Woche', 'Wochen'],
  },
  phrases: [
    {
      id: 'leider-satzanfang',
      rule: 'negative-phrasing',
      softener: true,
      patterns: ['^ leider|bedauerlicherweise {WORD} {PRON}'],
      // "Leider ist das Büro …": here "das" is an article, and the pronoun swap would break the sentence.
      exceptions: ['^ leider|bedauerlicherweise {WORD} das|dies|diese|dieser|dieses|es {CAP}'],
      fixes: [{ with: '$3 $2', preferred: true }],
      examples: [
        // Next to a refusal the first fix reframes the whole clause; the bare removal comes second.
        { input: 'Leider kann ich den Termin nicht halten.', flagged: 'Leider kann ich', output: 'Ich kann den Termin [ab …] halten.' },
        { input: 'Leider gibt es für Neukunden keinen Rabatt.', flagged: 'Leider gibt es', output: 'Es gibt für Neukunden einen Rabatt [ab …].' },
        { input: 'Hallo Jan, ich habe Ihre Mail gelesen. Leider sind wir im Juli ausgebucht.', flagged: 'Leider sind wir', output: 'Hallo Jan, ich habe Ihre Mail gelesen. Wir sind im Juli ausgebucht.' },
      ],
      counterexamples: ['Ich kann den Termin gern halten.'],
    },
    {
      id: 'leider',
      rule: 'negative-phrasing',
      softener: true,
      patterns: ['leider|bedauerlicherweise|dummerweise'],
      // At the start of a sentence or clause, dropping the adverb would leave the verb first.
      // „Zwar …, aber …“: the fact stays, and what is possible follows.
      fixes: [{ with: '', preferred: true, notAtClauseStart: true },
        // „…, leider.“ closes its sentence: it goes with its comma.
        { with: '', preferred: true, when: { before: ',\\s*$', after: '^\\s*[.!?]' } },
        { with: 'zwar', when: { after: NO_ABER_AFTER }, append: ABER },
        { with: 'zwar', when: { after: ABER_AFTER } }],
      examples: [
        { input: 'Wir sind im Juli leider ausgebucht.', flagged: 'leider', output: 'Wir sind im Juli ausgebucht.',
          reframed: 'Wir sind im Juli zwar ausgebucht, aber [was stattdessen möglich ist].' },
        { input: 'Leider ist das Büro am Montag geschlossen.', flagged: 'Leider',
          output: 'Zwar ist das Büro am Montag geschlossen, aber [was stattdessen möglich ist].' },
        { input: 'Wir sind im Juli ausgebucht, leider.', flagged: 'leider', output: 'Wir sind im Juli ausgebucht.' },
        { input: 'Bedauerlicherweise ist der Saal belegt, aber der Garten ist frei.', flagged: 'Bedauerlicherweise',
          output: 'Zwar ist der Saal belegt, aber der Garten ist frei.' },
      ],
      counterexamples: ['Wir sind im Juli ausgebucht.'],
    },
    {
      id: 'bedauern',
      rule: 'negative-phrasing',
      softener: true,
      // „bedauere“ as well as „bedaure“: both spellings are standard.
      patterns: ['wir|ich bedauern|bedaure|bedauere ,? Ihnen|dir|euch mitteilen zu müssen', 'zu unserem|meinem Bedauern',
        'wir|ich bedauern|bedaure|bedauere sehr? ,? dass', 'wir|ich müssen|muss Ihnen|dir|euch leider? mitteilen'],
      // Reframed: the news plainly, then what is offered instead.
      fixes: [
        { with: 'wir teilen $4 mit', when: { match: '^wir\\s.*zu müssen$' }, append: ', und bieten $4 stattdessen ${1:Alternative} an', appendAt: 'sentence' },
        { with: 'ich teile $4 mit', when: { match: '^ich\\s.*zu müssen$' }, append: ', und biete $4 stattdessen ${1:Alternative} an', appendAt: 'sentence' },
        { with: 'wir teilen $3 mit', when: { match: '^wir\\s+müssen\\s' }, append: ', und bieten $3 stattdessen ${1:Alternative} an', appendAt: 'sentence' },
        { with: 'ich teile $3 mit', when: { match: '^ich\\s+muss\\s' }, append: ', und biete $3 stattdessen ${1:Alternative} an', appendAt: 'sentence' },
        { with: 'es tut uns leid, dass', when: { match: '^wir\\s.*dass$' }, append: '; möglich ist stattdessen ${1:Alternative}', appendAt: 'sentence' },
        { with: 'es tut mir leid, dass', when: { match: '^ich\\s.*dass$' }, append: '; möglich ist stattdessen ${1:Alternative}', appendAt: 'sentence' },
        { with: 'zwar', when: { match: 'Bedauern$', after: NO_ABER_AFTER }, append: ABER },
      ],
      examples: [
        { input: 'Wir bedauern, Ihnen mitteilen zu müssen, dass der Kurs ausfällt.', flagged: 'Wir bedauern, Ihnen mitteilen zu müssen',
          output: 'Wir teilen Ihnen mit, dass der Kurs ausfällt, und bieten Ihnen stattdessen [Alternative] an.' },
        { input: 'Ich bedauere, dass der Termin ausfällt.', flagged: 'Ich bedauere, dass',
          output: 'Es tut mir leid, dass der Termin ausfällt; möglich ist stattdessen [Alternative].' },
        { input: 'Wir müssen dir leider mitteilen, dass der Stand schon vergeben ist.', flagged: 'Wir müssen dir leider mitteilen',
          output: 'Wir teilen dir mit, dass der Stand schon vergeben ist, und bieten dir stattdessen [Alternative] an.' },
        { input: 'Zu unserem Bedauern fällt der Kurs aus.', flagged: 'Zu unserem Bedauern',
          output: 'Zwar fällt der Kurs aus, aber [was stattdessen möglich ist].' },
      ],
      counterexamples: ['Wir teilen Ihnen mit, dass der Kurs am Montag beginnt.'],
    },
    {
      id: 'nicht-moeglich',
      rule: 'negative-phrasing',
      patterns: ['nicht {NEG_ADJ}', 'unmöglich', 'keinesfalls', 'auf|unter keinen Fall|Umständen', 'keine Chance', 'nicht in der Lage',
        'nicht auf unserer|meiner|der Roadmap|Agenda|Liste', 'nicht im Angebot|Leistungsumfang|Paket|Programm|Sortiment'],
      // Umgedeutet: möglich ab einem Datum, das die schreibende Person einsetzt.
      fixes: [
        { with: '$2 ab ${1:Datum}', when: { match: '^nicht\\s+(?:möglich|machbar|umsetzbar|realisierbar|leistbar|verfügbar|lieferbar|darstellbar)$' } },
        { with: 'ab ${1:Datum} möglich', when: { match: '^unmöglich$' } },
        { with: `${AB} $2`, when: { match: '^nicht\\s+(?:vorgesehen|erlaubt|zulässig|drin|zu machen|zu schaffen)$' } },
        { with: `${AB} auf $3 $4`, when: { match: '^nicht\\s+auf\\s' } },
        { with: `${AB} $2 $3`, when: { match: '^nicht\\s+im\\s' } },
        { with: `${AB} in der Lage`, when: { match: '^nicht in der Lage$' } },
        { with: AB, when: { match: '^(?:keinesfalls|auf keinen fall|unter keinen umständen)$' } },
        { with: `eine Chance ${AB}`, when: { match: '^keine chance$' } },
      ],
      examples: [
        { input: 'Eine Lieferung bis morgen ist nicht möglich.', flagged: 'nicht möglich', output: 'Eine Lieferung bis morgen ist möglich ab [Datum].' },
        { input: 'Das ist technisch unmöglich.', flagged: 'unmöglich', output: 'Das ist technisch ab [Datum] möglich.' },
        { input: 'Eine App-Version steht nicht auf unserer Roadmap.', flagged: 'nicht auf unserer Roadmap',
          output: 'Eine App-Version steht [ab …] auf unserer Roadmap.' },
        { input: 'Ein zweiter Korrekturlauf ist nicht vorgesehen.', flagged: 'nicht vorgesehen', output: 'Ein zweiter Korrekturlauf ist [ab …] vorgesehen.' },
        { input: 'Druckdaten sind nicht im Leistungsumfang enthalten.', flagged: 'nicht im Leistungsumfang',
          output: 'Druckdaten sind [ab …] im Leistungsumfang enthalten.' },
        { input: 'Wir sind nicht in der Lage, das bis Montag zu liefern.', flagged: 'nicht in der Lage',
          output: 'Wir sind [ab …] in der Lage, das bis Montag zu liefern.' },
        { input: 'Auf keinen Fall können wir den Preis senken.', flagged: 'Auf keinen Fall', output: '[Ab …] können wir den Preis senken.' },
      ],
      counterexamples: ['Eine Lieferung bis Freitag ist möglich.', 'Die App-Version steht ganz oben auf unserer Roadmap.',
        'Der Versand ist ohne Aufpreis im Paket enthalten.'],
    },
    {
      id: 'geht-nicht',
      rule: 'negative-phrasing',
      patterns: ['geht|klappt|funktioniert {GEHT_ADV}? {GEHT_ADV}? {GEHT_ADV}? nicht mehr?', 'passt|passen {GEHT_ADV}? uns|mir {GEHT_ADV}? {GEHT_ADV}? nicht'],
      exceptions: ['nicht mehr? nur|um|darum'],
      // Reframed: from when (or on what condition) it works; what it no longer does, from when again.
      fixes: [
        { with: `$1 ${AB}`, when: { match: '^(?:geht|klappt|funktioniert)\\s.*nicht$' } },
        { with: `$1 ${AB} wieder`, when: { match: '^(?:geht|klappt|funktioniert)\\s.*nicht\\s+mehr$' } },
        { with: `$1 $3 ${AB}`, when: { match: '^pass' } },
      ],
      examples: [
        { input: 'Ein Termin am Samstag geht nicht.', flagged: 'geht nicht', output: 'Ein Termin am Samstag geht [ab …].' },
        { input: 'Ein Express-Versand geht bei uns nicht.', flagged: 'geht bei uns nicht', output: 'Ein Express-Versand geht [ab …].' },
        { input: 'Eine Änderung am Layout geht jetzt nicht mehr.', flagged: 'geht jetzt nicht mehr', output: 'Eine Änderung am Layout geht [ab …] wieder.' },
        { input: 'Der Dienstag passt uns zeitlich nicht.', flagged: 'passt uns zeitlich nicht', output: 'Der Dienstag passt uns [ab …].' },
      ],
      counterexamples: ['Es geht nicht nur um den Preis.', 'Wenn es nicht passt, sag Bescheid.', 'Geht es nicht auch per Mail?',
        'Es geht jetzt nicht mehr um die Farben, sondern um den Text.'],
    },
    {
      id: 'nicht-zustaendig',
      rule: 'negative-phrasing',
      patterns: ['nicht zuständig|verantwortlich', 'nicht mein|unser Job|Problem|Bereich|Thema|Ding', 'nicht meine|unsere Aufgabe|Baustelle'],
      // Reframed: who is responsible; the writer names them.
      fixes: [
        { with: '$2', when: { match: '^nicht\\s+(?:zuständig|verantwortlich)$' },
          alsoBefore: { find: '(?:bin ich|sind wir)(?:\\s+(?:leider|dafür|hier|da|selbst))*(?=\\s*$)', with: 'ist ${1:Name}' } },
        { with: '$2', when: { match: '^nicht\\s+(?:zuständig|verantwortlich)$' },
          alsoBefore: { find: '^\\P{L}*(?:ich bin|wir sind)(?=\\s)', with: '${1:Name} ist' } },
        { with: 'Sache von ${1:Name}', when: { match: '^nicht\\s+(?:mein|unser)' } },
      ],
      examples: [
        { input: 'Für die Server bin ich nicht zuständig.', flagged: 'nicht zuständig', output: 'Für die Server ist [Name] zuständig.' },
        { input: 'Ich bin für die Buchhaltung nicht verantwortlich.', flagged: 'nicht verantwortlich', output: '[Name] ist für die Buchhaltung verantwortlich.' },
        { input: 'Das ist nicht meine Baustelle.', flagged: 'nicht meine Baustelle', output: 'Das ist Sache von [Name].' },
      ],
      counterexamples: ['Für die Server ist Frau Roth zuständig.'],
    },
    {
      id: 'nicht-tun',
      rule: 'negative-phrasing',
      patterns: ['nicht {INF}', 'grundsätzlich|generell|prinzipiell|pauschal nicht', 'nichts machen|tun|ändern|unternehmen',
        'das wird so? nichts', 'nichts zu machen', '{WORD} ich|wir|man das|dies? nicht .|!|,',
        '{WORD} ich|wir das|dies? {WORD}? {WORD}? nicht mehr .|!|,'],
      // „Wir lassen Sie nicht hängen“ reassures; it refuses nothing.
      exceptions: ['nicht nur|zuletzt|umsonst|weniger|wenigen|vergessen|hängen|warten|enttäuschen'],
      unlessClauseOpensWith: ['wenn', 'falls', 'damit', 'sodass', 'ob', 'ohne', 'bevor', 'sobald', 'solange', 'was', 'welche',
        'welcher', 'welches', 'denen'],
      hint: {
        en: 'Lead with what you can do, then give the reason for the part you cannot.',
        de: 'Beginnen Sie mit dem, was Sie tun können, und begründen Sie den Teil, den Sie nicht übernehmen.',
      },
      // „… nicht übernehmen“ → „… ab ${1:…} übernehmen“: das Verb bleibt am Satzende.
      fixes: [
        { with: '${1:ab …} $2', when: { match: '^nicht\\s+\\p{Ll}+$' } },
        { with: AB, when: { match: '^(?:grundsätzlich|generell|prinzipiell|pauschal)\\s+nicht$' } },
        { with: 'Folgendes $2', when: { match: '^nichts\\s+(?!zu\\s)' }, append: ': ${1:Alternative}' },
        { with: 'Folgendes möglich', when: { match: '^nichts zu machen$' }, append: ': ${1:Alternative}' },
        { with: '$1 $2 etwas', when: { match: '^das\\s+wird\\s' }, append: ', ${1:wenn …}' },
        // „Das übernehmen wir nicht.“ → „Das übernehmen wir, wenn …“: on what condition it is done.
        { with: '$1 $2 $3 $4 $5, ${1:wenn …}$8', when: { match: '\\snicht\\s+mehr\\s*[.!,]$' }, without: SOFTENER_WORDS },
        { with: '$1 $2 $3, ${1:wenn …}$5', when: { match: '\\snicht\\s*[.!,]$' }, without: SOFTENER_WORDS },
      ],
      examples: [
        { input: 'Die Reisekosten können wir nicht übernehmen.', flagged: 'nicht übernehmen', output: 'Die Reisekosten können wir [ab …] übernehmen.' },
        { input: 'Leider kann ich das Hosting nicht übernehmen.', flagged: 'nicht übernehmen', output: 'Leider kann ich das Hosting [ab …] übernehmen.' },
        { input: 'Rabatte geben wir grundsätzlich nicht.', flagged: 'grundsätzlich nicht', output: 'Rabatte geben wir [ab …].' },
        { input: 'Da kann ich nichts machen.', flagged: 'nichts machen', output: 'Da kann ich Folgendes machen: [Alternative].' },
        { input: 'Da ist nichts zu machen.', flagged: 'nichts zu machen', output: 'Da ist Folgendes möglich: [Alternative].' },
        { input: 'Das wird so nichts.', flagged: 'Das wird so nichts', output: 'Das wird etwas, [wenn …].' },
        { input: 'Das übernehmen wir nicht.', flagged: 'übernehmen wir nicht.', output: 'Das übernehmen wir, [wenn …].' },
        { input: 'Das schaffe ich diese Woche nicht mehr.', flagged: 'schaffe ich diese Woche nicht mehr.',
          output: 'Das schaffe ich diese Woche, [wenn …].' },
      ],
      counterexamples: ['Melden Sie sich, wenn Sie nicht weiterkommen.', 'Es geht nicht nur um den Preis.', 'Ich übernehme die Reisekosten gern.',
        'Ich verspreche Ihnen nichts, was ich nicht halten kann.', 'Wir lassen Sie mit dem Umzug nicht hängen.'],
    },
    {
      id: 'nicht-am-satzende',
      rule: 'negative-phrasing',
      // Verb-second clauses put „nicht“ far from the verb: „Den Relaunch schaffen wir bis Freitag nicht.“
      patterns: ['{WORD} ich|wir {WORD}? {WORD}? {WORD}? {WORD}? nicht {NEG_TAIL}? .|!|,|;',
        'ich|wir {WORD} {WORD}? {WORD}? {WORD}? {WORD}? nicht {NEG_TAIL}? .|!|,|;'],
      // A subordinate clause („wenn wir das nicht …“) is no refusal; after „aber“ the match starts at the subject instead.
      exceptions: ['wenn|falls|ob|dass|weil|da|sobald|bevor|solange|damit|sodass|obwohl|als|wie|was|wo ich|wir', 'und|aber|oder|denn',
        '{NOT_REFUSAL_VERB} ich|wir', 'ich|wir {NOT_REFUSAL_VERB}', 'nicht nur|zuletzt|umsonst'],
      unlessClauseOpensWith: ['wenn', 'falls', 'damit', 'sodass', 'ob', 'ohne', 'bevor', 'sobald', 'solange', 'was', 'welche',
        'welcher', 'welches', 'denen', 'dass', 'weil'],
      hint: {
        en: 'Lead with what you can do, then give the reason for the part you cannot.',
        de: 'Beginnen Sie mit dem, was Sie tun können, und begründen Sie den Teil, den Sie nicht übernehmen.',
      },
      // Reframed: the same sentence without „nicht“, and the condition on which it holds („…, wenn …“).
      fixes: [
        { with: '$1 $2 $3 $4 $5 $6 hin, ${1:wenn …}$9', when: { match: '\\snicht\\s+mehr\\s+hin\\s*\\p{P}$' }, without: SOFTENER_WORDS },
        { with: '$1 $2 $3 $4 $5 $6 fertig, ${1:wenn …}$9', when: { match: '\\snicht\\s+mehr\\s+fertig\\s*\\p{P}$' }, without: SOFTENER_WORDS },
        { with: '$1 $2 $3 $4 $5 $6 rechtzeitig, ${1:wenn …}$9', when: { match: '\\snicht\\s+mehr\\s+rechtzeitig\\s*\\p{P}$' }, without: SOFTENER_WORDS },
        { with: '$1 $2 $3 $4 $5 $6, ${1:wenn …}$9', when: { match: '\\snicht\\s+mehr\\s*\\p{P}$' }, without: SOFTENER_WORDS },
        { with: '$1 $2 $3 $4 $5 $6 $8, ${1:wenn …}$9', when: { match: '\\snicht(?!\\s+mehr\\b)[^,.!?;]*\\p{P}$' }, without: SOFTENER_WORDS },
      ],
      examples: [
        { input: 'Den Relaunch schaffen wir bis Freitag nicht.', flagged: 'schaffen wir bis Freitag nicht.',
          output: 'Den Relaunch schaffen wir bis Freitag, [wenn …].' },
        { input: 'Das Update bekommen wir diese Woche nicht hin.', flagged: 'bekommen wir diese Woche nicht hin.',
          output: 'Das Update bekommen wir diese Woche hin, [wenn …].' },
        { input: 'Die Änderung machen wir so nicht, aber eine zweite Variante gern.', flagged: 'machen wir so nicht,',
          output: 'Die Änderung machen wir so, [wenn …], aber eine zweite Variante gern.' },
        { input: 'Wir drucken die Flyer bis Montag nicht.', flagged: 'Wir drucken die Flyer bis Montag nicht.',
          output: 'Wir drucken die Flyer bis Montag, [wenn …].' },
        { input: 'Danke für die Anfrage, aber wir schaffen das bis Freitag nicht.', flagged: 'wir schaffen das bis Freitag nicht.',
          output: 'Danke für die Anfrage, aber wir schaffen das bis Freitag, [wenn …].' },
        { input: 'Das machen wir leider nicht.', flagged: 'machen wir leider nicht.', output: 'Das machen wir, [wenn …].' },
        { input: 'Die Karten bekommen wir bis Montag nicht mehr fertig.', flagged: 'bekommen wir bis Montag nicht mehr fertig.',
          output: 'Die Karten bekommen wir bis Montag fertig, [wenn …].' },
      ],
      counterexamples: ['Das vergessen wir nicht.', 'Ich weiß es leider nicht.', 'Den Anruf berechne ich Ihnen nicht.',
        'Melden Sie sich, wenn wir bis Freitag nichts geschickt haben.', 'Wir liefern nicht nur das Logo, sondern auch die Visitenkarten.',
        'Sagen Sie Bescheid, falls wir das Datum nicht halten.', 'Ich lasse Sie damit nicht allein.'],
    },
    {
      id: 'kein-problem',
      rule: 'negative-phrasing',
      patterns: ['kein Problem'],
      // „Gern“ only where it stands alone; with a condition it would change the meaning („gern, wenn …“).
      fixes: [
        { with: 'gern', preferred: true, when: { before: '^\\P{L}*$', after: '^\\s*[,.!;:](?!\\s*(?:wenn|falls|dass|solange|sofern)\\b)' } },
        { with: 'völlig in Ordnung', preferred: true, when: { before: '^\\P{L}*$', after: '^\\s*,\\s*(?:wenn|falls|dass|solange|sofern)\\b' } },
        { with: 'in Ordnung', preferred: true, when: { before: '\\b(?:ist|wäre|sind|wären)\\s+$' } },
        { with: 'gern', preferred: true, when: { before: '\\p{L}\\S*\\s+[-–—]\\s*$', after: '^\\s*[,.!;:](?!\\s*(?:wenn|falls|dass|solange|sofern)\\b)' } },
        { with: 'gut machbar', when: { before: '\\b(?:wird|werden)\\s+$' } },
      ],
      hint: {
        en: 'German style guides read „kein Problem“ as a negative; „gern“ says the same positively.',
        de: '„Kein Problem“ klingt nach einem Problem; „gern“ sagt dasselbe positiv.',
      },
      examples: [
        { input: 'Kein Problem, ich schicke die Datei heute.', flagged: 'Kein Problem', output: 'Gern, ich schicke die Datei heute.' },
        { input: 'Kein Problem, wenn du dir das erst noch überlegen willst.', flagged: 'Kein Problem',
          output: 'Völlig in Ordnung, wenn du dir das erst noch überlegen willst.', never: ['Gern, wenn du dir das erst noch überlegen willst.'] },
        { input: 'Das ist kein Problem.', flagged: 'kein Problem', output: 'Das ist in Ordnung.', never: ['Das ist gern.'] },
        { input: 'Eine dritte Runde kostet 80 € extra – kein Problem, sag einfach Bescheid.', flagged: 'kein Problem',
          output: 'Eine dritte Runde kostet 80 € extra – gern, sag einfach Bescheid.' },
        { input: 'Das wird kein Problem für uns.', flagged: 'kein Problem', output: 'Das wird gut machbar für uns.', never: ['Das wird gern für uns.'] },
      ],
      counterexamples: ['Gern, ich schicke die Datei heute.'],
    },
    {
      id: 'kein-nomen',
      rule: 'negative-phrasing',
      patterns: ['kein|keine|keinen|keinem|keiner {CAP}'],
      exceptions: ['keine Sorge|Sorgen|Ursache|Frage|Eile|Angst', 'kein Wunder',
        'kein|keine|keinen|keinem|keiner zusätzlichen|Extra|Kosten|Gebühren|Gebühr|Aufpreis|Mehrkosten|Zusatzkosten|Risiko|Stress|Aufwand'],
      // Reframed: what there is, and from when; „kein“ becomes „ein“, or goes where the noun needs no article.
      fixes: [
        { with: `$2 ${AB}`, when: { match: `^kein\\p{L}*\\s+(?:${MASS_NOUN})$` } },
        { with: `einen $2 ${AB}`, when: { match: `^keinen\\s+(?!(?:${MASS_NOUN})$)` } },
        { with: `einem $2 ${AB}`, when: { match: `^keinem\\s+(?!(?:${MASS_NOUN})$)` } },
        { with: `einer $2 ${AB}`, when: { match: `^keiner\\s+(?!(?:${MASS_NOUN})$)` } },
        { with: `eine $2 ${AB}`, when: { match: `^keine\\s+(?!(?:${MASS_NOUN})$)` } },
        { with: `ein $2 ${AB}`, when: { match: `^kein\\s+(?!(?:${MASS_NOUN})$)` } },
      ],
      examples: [
        { input: 'Für Vereine gibt es keinen Rabatt.', flagged: 'keinen Rabatt', output: 'Für Vereine gibt es einen Rabatt [ab …].' },
        { input: 'Diese Woche habe ich keine Zeit.', flagged: 'keine Zeit', output: 'Diese Woche habe ich Zeit [ab …].' },
        { input: 'Im Moment haben wir keine Kapazität für neue Projekte.', flagged: 'keine Kapazität',
          output: 'Im Moment haben wir Kapazität [ab …] für neue Projekte.' },
        { input: 'Dafür haben wir kein Budget.', flagged: 'kein Budget', output: 'Dafür haben wir Budget [ab …].' },
        { input: 'Wir drucken keine Flyer.', flagged: 'keine Flyer', output: 'Wir drucken Flyer [ab …].' },
        { input: 'Am Freitag habe ich keine Möglichkeit dazu.', flagged: 'keine Möglichkeit', output: 'Am Freitag habe ich eine Möglichkeit [ab …] dazu.' },
      ],
      counterexamples: ['Keine Sorge, die Datei ist gesichert.', 'Die Änderung kostet Sie keine Gebühr.'],
    },
    {
      id: 'vorwurf',
      rule: 'negative-phrasing',
      patterns: ['wie bereits|schon erwähnt|gesagt|geschrieben|mitgeteilt', 'Sie haben|hatten vergessen', 'du hast|hattest vergessen',
        'Sie verlangen|erwarten zu viel', 'du verlangst|erwartest zu viel', 'zu viel verlangt',
        'wie ich|wir Ihnen|dir|euch? bereits|schon mehrfach|mehrmals? erwähnt|gesagt|geschrieben|mitgeteilt|erklärt|betont|erläutert',
        'wie bereits|schon mehrfach|mehrmals erwähnt|gesagt|geschrieben|mitgeteilt|erklärt|betont|erläutert',
        '{HAETTEN_SIE} {WORD}? {WORD}? {BLAME_ADV} {WORD}? {WORD}? {WORD}? müssen|sollen|können',
        '{HAETTEN_SIE} {WORD}? {WORD}? {WORD}? {BLAME_VERB} müssen|sollen',
        'Sie haben|hatten es? versäumt', 'haben|hatten Sie es? versäumt', 'du hast|hattest es? versäumt', 'hast|hattest du es? versäumt',
        'Sie haben|hatten uns|mir? nie|nicht erwähnt|gesagt|mitgeteilt|angegeben', 'du hast|hattest uns|mir? nie|nicht erwähnt|gesagt|mitgeteilt|angegeben',
        'steht|stand doch|eindeutig|ausdrücklich im|in'],
      hint: {
        en: 'Blame puts the client on the defensive; describe the situation instead.',
        de: 'Vorwürfe machen die Kundschaft defensiv; beschreiben Sie stattdessen die Lage.',
      },
      // Reframed: what is possible from now on instead of what went wrong; a reminder without the reproach.
      fixes: [
        { with: 'wie besprochen', when: { match: '^wie\\s' }, absorb: '\\s+(?:habe|haben|hatte|hatten)(?=\\s*[,.;:!?]|\\s*$)' },
        { with: 'denken Sie bitte künftig daran', when: { match: '^Sie\\s.*versäumt$', before: '^\\P{L}*$', after: '^\\s*,' },
          append: '; möglich ist jetzt noch ${1:Alternative}', appendAt: 'sentence' },
        { with: 'denk bitte künftig daran', when: { match: '^du\\s.*versäumt$', before: '^\\P{L}*$', after: '^\\s*,' },
          append: '; möglich ist jetzt noch ${1:Alternative}', appendAt: 'sentence' },
        { with: 'denken Sie bitte noch daran', when: { match: '^Sie\\s.*vergessen$', before: '^\\P{L}*$', after: '^\\s*,' } },
        { with: 'denk bitte noch daran', when: { match: '^du\\s.*vergessen$', before: '^\\P{L}*$', after: '^\\s*,' } },
        { with: 'möglich ist ${1:Alternative}', when: { match: 'zu viel$', before: '^\\P{L}*$' } },
        { with: `${AB} machbar`, when: { match: 'verlangt$' } },
        { with: 'danke, dass Sie $3 jetzt $5 haben', when: { match: '^Sie\\s+(?:haben|hatten)\\s.*(?:nie|nicht)\\s', before: '^\\P{L}*$' } },
        { with: 'danke, dass du $3 jetzt $5 hast', when: { match: '^du\\s+(?:hast|hattest)\\s.*(?:nie|nicht)\\s', before: '^\\P{L}*$' } },
        { with: '$1 auch $3', when: { match: '^(?:steht|stand)\\s' } },
        // „hätten Sie … früher … müssen“ → „können Sie … künftig früher …“.
        { with: 'können Sie $2 $3 künftig $4 $5 $6 $7', when: { match: '^hätten Sie\\s.*\\b(?:früher|rechtzeitig|vorher|vorab|eher|sofort|gleich|zuerst|genauer|frühzeitig|besser)\\b.*(?:müssen|sollen|können)$' } },
        { with: 'kannst du $2 $3 künftig $4 $5 $6 $7', when: { match: '^hättest du\\s.*\\b(?:früher|rechtzeitig|vorher|vorab|eher|sofort|gleich|zuerst|genauer|frühzeitig|besser)\\b.*(?:müssen|sollen|können)$' } },
        { with: 'Sie können $2 $3 künftig $4 $5 $6 $7', when: { match: '^Sie hätten\\s.*\\b(?:früher|rechtzeitig|vorher|vorab|eher|sofort|gleich|zuerst|genauer|frühzeitig|besser)\\b.*(?:müssen|sollen|können)$' } },
        { with: 'du kannst $2 $3 künftig $4 $5 $6 $7', when: { match: '^du hättest\\s.*\\b(?:früher|rechtzeitig|vorher|vorab|eher|sofort|gleich|zuerst|genauer|frühzeitig|besser)\\b.*(?:müssen|sollen|können)$' } },
        // What the client should have known is explained instead.
        { with: 'erkläre ich Ihnen gern', when: { match: '^hätten Sie\\s+wissen\\s' } },
        { with: 'erkläre ich dir gern', when: { match: '^hättest du\\s+wissen\\s' } },
      ],
      examples: [
        { input: 'Wie bereits erwähnt, ist der Preis fest.', flagged: 'Wie bereits erwähnt', output: 'Wie besprochen, ist der Preis fest.' },
        { input: 'Da hätten Sie uns früher Bescheid geben müssen.', flagged: 'hätten Sie uns früher Bescheid geben müssen',
          output: 'Da können Sie uns künftig früher Bescheid geben.' },
        { input: 'Das hättest du wissen müssen.', flagged: 'hättest du wissen müssen', output: 'Das erkläre ich dir gern.' },
        { input: 'Sie haben versäumt, die Frist einzuhalten.', flagged: 'Sie haben versäumt',
          output: 'Denken Sie bitte künftig daran, die Frist einzuhalten; möglich ist jetzt noch [Alternative].' },
        { input: 'Du hast vergessen, die Logos mitzuschicken.', flagged: 'Du hast vergessen', output: 'Denk bitte noch daran, die Logos mitzuschicken.' },
        { input: 'Wie ich Ihnen schon mehrfach erklärt habe, ist der Preis fest.', flagged: 'Wie ich Ihnen schon mehrfach erklärt',
          output: 'Wie besprochen, ist der Preis fest.' },
        { input: 'Sie verlangen zu viel für dieses Budget.', flagged: 'Sie verlangen zu viel', output: 'Möglich ist [Alternative] für dieses Budget.' },
        { input: 'Das ist zu viel verlangt.', flagged: 'zu viel verlangt', output: 'Das ist [ab …] machbar.' },
        { input: 'Sie haben uns nie gesagt, dass es eilt.', flagged: 'Sie haben uns nie gesagt', output: 'Danke, dass Sie uns jetzt gesagt haben, dass es eilt.' },
        { input: 'Das steht doch im Vertrag.', flagged: 'steht doch im', output: 'Das steht auch im Vertrag.' },
      ],
      counterexamples: ['Wie besprochen, ist der Preis fest.', 'Sie haben nichts versäumt.', 'Hätten Sie gern früher einen Termin?',
        'Das hätten Sie nicht tun müssen, vielen Dank!', 'Ihr Termin steht im Kalender.'],
    },
    {
      id: 'sie-muessen',
      rule: 'negative-phrasing',
      patterns: ['Sie müssen'],
      exceptions: ['müssen sich keine|nicht|nichts', 'müssen sich um nichts|keine', 'müssen nichts|nicht|keine'],
      fixes: [{ with: '$1 können' }],
      examples: [{ input: 'Sie müssen das Formular ausfüllen.', flagged: 'Sie müssen', output: 'Sie können das Formular ausfüllen.' }],
      counterexamples: ['Sie müssen sich um nichts kümmern.'],
    },
    {
      id: 'du-musst',
      rule: 'negative-phrasing',
      patterns: ['du musst'],
      exceptions: ['musst dich keine|nicht|nichts', 'musst dich um nichts|keine', 'musst nichts|nicht|keine'],
      fixes: [{ with: '$1 kannst' }],
      examples: [{ input: 'Du musst das Formular ausfüllen.', flagged: 'Du musst', output: 'Du kannst das Formular ausfüllen.' }],
      counterexamples: ['Du musst dich um nichts kümmern.'],
    },
    {
      id: 'nein',
      rule: 'negative-phrasing',
      patterns: ['^ nein ,|.|!'],
      // Reframed: the „Nein“ goes, and the sentence ends with what is possible.
      fixes: [
        { with: '', when: { match: ',$', after: '\\p{L}' }, append: ABER, appendAt: 'sentence' },
        { with: 'Möglich ist stattdessen ${1:Alternative}$2', when: { match: '[.!]$', after: '^\\P{L}*$' } },
      ],
      examples: [
        { input: 'Nein, das übernehme ich nicht.', flagged: 'Nein,', output: 'Das übernehme ich nicht, aber [was stattdessen möglich ist].' },
        { input: 'Danke für die Anfrage. Nein.', flagged: 'Nein.', output: 'Danke für die Anfrage. Möglich ist stattdessen [Alternative].' },
      ],
      counterexamples: ['Das übernehme ich gern.'],
    },
    {
      id: 'vielleicht-satzanfang',
      rule: 'vague-commitment',
      patterns: ['^ vielleicht|eventuell|hoffentlich|möglicherweise {WORD} {PRON}'],
      exceptions: ['^ vielleicht|eventuell|hoffentlich|möglicherweise {WORD} das|dies|diese|dieser|dieses|es {CAP}'],
      // No rewrite: dropping the hedge would turn it into a promise.
      examples: [{ input: 'Vielleicht finden wir nächste Woche einen Termin.', flagged: 'Vielleicht finden wir',
        never: ['Wir finden nächste Woche einen Termin.'] }],
      counterexamples: ['Wir finden am Dienstag einen Termin.'],
    },
    {
      id: 'vielleicht',
      rule: 'vague-commitment',
      patterns: ['vielleicht|eventuell|evtl.|hoffentlich|womöglich|möglicherweise', 'unter Umständen'],
      // No rewrite: dropping the hedge would turn it into a promise.
      examples: [
        { input: 'Das klappt vielleicht im Mai.', flagged: 'vielleicht', never: ['Das klappt im Mai.'] },
        { input: 'Die Teile kommen möglicherweise später.', flagged: 'möglicherweise', never: ['Die Teile kommen später.'] },
      ],
      counterexamples: ['Das klappt am 4. Mai.'],
    },
    {
      id: 'zeitnah',
      rule: 'vague-commitment',
      patterns: ['zeitnah|zeitnahe|schnellstmöglich|baldmöglichst|demnächst|bald|irgendwann|umgehend', 'so schnell|bald wie möglich',
        'früher oder später', 'über kurz oder lang', 'in absehbarer Zeit',
        'möglichst bald|schnell',
        'in Kürze', 'bei Gelegenheit', 'so früh wie möglich'],
      exceptions: ['bis bald'],
      // The whole vague phrase goes: „irgendwann im Sommer“ → „bis …“, never „bis … im Sommer“.
      fixes: [{ with: 'bis ${1:Datum}', absorb: VAGUE_SPAN }],
      examples: [
        { input: 'Ich schicke Ihnen das Angebot zeitnah.', flagged: 'zeitnah', output: 'Ich schicke Ihnen das Angebot bis [Datum].' },
        { input: 'Wir liefern so schnell wie möglich.', flagged: 'so schnell wie möglich', output: 'Wir liefern bis [Datum].' },
        { input: 'Die Übersetzung ist in Kürze fertig.', flagged: 'in Kürze', output: 'Die Übersetzung ist bis [Datum] fertig.' },
        { input: 'Die Rechnung kommt demnächst.', flagged: 'demnächst', output: 'Die Rechnung kommt bis [Datum].' },
        { input: 'Das machen wir irgendwann im Sommer.', flagged: 'irgendwann', output: 'Das machen wir bis [Datum].',
          never: ['Das machen wir bis [Datum] im Sommer.'] },
      ],
      counterexamples: ['Bis bald!', 'Sobald die Dateien da sind, lege ich los.', 'Die Rechnung kommt am Freitag.'],
    },
    {
      id: 'schau-mal',
      rule: 'vague-commitment',
      patterns: ['ich schau|schaue|gucke|guck mal', 'wir schauen|gucken mal', 'mal schauen ,? ob|was'],
      examples: [{ input: 'Ich schau mal, ob das passt.', flagged: 'Ich schau mal' }],
      counterexamples: ['Ich prüfe bis Montag, ob das passt.'],
    },
    {
      id: 'irgendwie',
      rule: 'vague-commitment',
      patterns: ['irgendwie'],
      // „irgendwie ärgerlich“ describes a feeling; it promises nothing.
      exceptions: ['irgendwie {WORD}? ärgerlich|frustrierend|schade|komisch|seltsam|merkwürdig|blöd|doof|nervig|traurig|lustig|verständlich|nachvollziehbar|unangenehm|peinlich'],
      examples: [
        { input: 'Irgendwie kriegen wir das hin.', flagged: 'Irgendwie' },
        { input: 'Wir schieben das irgendwie dazwischen.', flagged: 'irgendwie' },
      ],
      counterexamples: ['Ich verstehe, dass das irgendwie ärgerlich ist.', 'Wir schieben das am Donnerstag dazwischen.'],
    },
    {
      id: 'etwas-laenger',
      rule: 'vague-commitment',
      patterns: ['dauert|dauern|braucht|brauchen|brauche|benötigt|benötigen {WORD}? {WORD}? etwas|bisschen|wenig|noch|deutlich länger',
        'etwas|bisschen|wenig länger dauern|brauchen|benötigen'],
      unlessSentenceHas: CONCRETE_TIME,
      hint: {
        en: 'Say how much longer: a date or a number of days.',
        de: 'Sagen Sie, wie viel länger: ein Datum oder eine Zahl von Tagen.',
      },
      examples: [
        { input: 'Das dauert etwas länger.', flagged: 'dauert etwas länger' },
        { input: 'Die Korrektur braucht diesmal ein bisschen länger.', flagged: 'braucht diesmal ein bisschen länger' },
      ],
      counterexamples: ['Das dauert etwas länger, bis Donnerstag ist es fertig.', 'Das dauert etwas länger, etwa drei Werktage.',
        'Die Texte sind etwas länger als geplant.'],
    },
    {
      id: 'mal-sehen',
      rule: 'vague-commitment',
      patterns: ['ich|wir werde|werden mal? sehen|schauen|gucken', 'mal sehen|gucken ,? ob|was|wann', '^ mal sehen|schauen',
        'schauen|sehen|gucken wir mal'],
      // „Mal sehen, was wir tun können“ opens a search together with the client (the advice article's own phrase).
      exceptions: ['mal sehen|schauen ,? was wir|ich {WORD}? {WORD}? {WORD}? tun|machen können|kann'],
      unlessSentenceHas: CONCRETE_TIME,
      examples: [
        { input: 'Ich werde sehen, was geht.', flagged: 'Ich werde sehen' },
        { input: 'Mal sehen, ob wir das unterbringen.', flagged: 'Mal sehen, ob' },
        { input: 'Schauen wir mal, wie es im Mai aussieht.', flagged: 'Schauen wir mal' },
      ],
      counterexamples: ['Ich sehe mir die Dateien am Montag an.', 'Wir werden sehen, was geht, und melden uns bis Freitag.',
        'Mal sehen, was wir für Ihr Budget tun können: Welche Seiten sind Ihnen am wichtigsten?'],
    },
    {
      id: 'wenn-luft',
      rule: 'vague-commitment',
      patterns: ['wenn|sobald ich|wir {WORD}? wieder|mal|mehr? Luft|Zeit|Kapazität|Kapazitäten|Freiraum|Spielraum haben|habe|hab|finden|finde',
        'wenn|sobald es|das ruhiger wird', 'sobald es|das geht', 'sobald es|das möglich ist', 'wenn|sobald sich {WORD}? {WORD}? ergibt|auftut'],
      unlessSentenceHas: CONCRETE_TIME,
      examples: [
        { input: 'Wenn wir wieder Luft haben, melde ich mich.', flagged: 'Wenn wir wieder Luft haben' },
        { input: 'Ich mache das, sobald es geht.', flagged: 'sobald es geht' },
        { input: 'Sobald sich eine Lücke ergibt, schiebe ich das ein.', flagged: 'Sobald sich eine Lücke ergibt' },
      ],
      counterexamples: ['Wenn wir wieder Luft haben, ab dem 3. März, starten wir.', 'Wenn es nicht passt, sag Bescheid.',
        'Sobald die Dateien da sind, lege ich los.'],
    },
    {
      id: 'nicht-sicher',
      rule: 'vague-commitment',
      patterns: ['ich bin mir|uns nicht ganz? sicher', 'wir sind uns nicht ganz? sicher', 'ich weiß noch nicht ,? ob', 'wir wissen noch nicht ,? ob'],
      examples: [
        { input: 'Ich bin mir nicht sicher, ob der Saal frei ist.', flagged: 'Ich bin mir nicht sicher' },
        { input: 'Wir wissen noch nicht, ob die Teile rechtzeitig kommen.', flagged: 'Wir wissen noch nicht, ob' },
      ],
      counterexamples: ['Ich bin mir sicher, dass der Saal frei ist.'],
    },
    {
      id: 'versuchen',
      rule: 'vague-commitment',
      patterns: ['ich versuche|probiere', 'wir versuchen|probieren', 'ich werde versuchen|probieren', 'wir werden versuchen|probieren',
        'ich gebe mein Bestes', 'wir geben unser Bestes', 'ich tue mein Bestes|Möglichstes', 'wir tun unser Bestes|Möglichstes',
        'ich verspreche|garantiere', 'wir versprechen|garantieren'],
      hint: {
        en: 'Promise only what you control; name what you will deliver and when.',
        de: 'Versprechen Sie nur, was Sie in der Hand haben; nennen Sie, was Sie wann liefern.',
      },
      examples: [
        { input: 'Wir geben unser Bestes, damit es klappt.', flagged: 'Wir geben unser Bestes' },
        { input: 'Ich verspreche, dass es perfekt wird.', flagged: 'Ich verspreche' },
      ],
      counterexamples: ['Ich liefere den Entwurf am Freitag.'],
    },
    {
      id: 'melde-mich',
      rule: 'vague-commitment',
      patterns: ['{FOLLOW_UP}'],
      weak: true,
      unlessSentenceHas: CONCRETE_TIME,
      fixes: [{ with: '$0 bis ${1:Datum}' }],
      examples: [{ input: 'Ich melde mich dazu.', flagged: 'Ich melde mich', output: 'Ich melde mich bis [Datum] dazu.',
        filled: 'Ich melde mich bis Freitag dazu.' }],
      counterexamples: ['Ich melde mich bis Donnerstag, 10 Uhr.', 'Wir melden uns am Montag.'],
    },
  ],
  acknowledgement: {
    openers: ['{DANKE} für', '{DANKE} ,? dass', 'ich verstehe|sehe ,? dass {SIE_DU}', 'ich freue mich über Ihre|deine|eure'],
    restatements: ['Sie gefragt|angefragt haben|hatten', 'du gefragt|angefragt hast|hattest', 'Ihre|deine Frage|Anfrage|Bitte ,? ob',
      'Sie haben|hatten gefragt|angefragt|gebeten', 'du hast|hattest gefragt|angefragt|gebeten', 'gefragt|angefragt ,? ob',
      'Ihre|deine Anfrage|Frage|Bitte zu|zum|zur|nach|wegen|bezüglich|um'],
    genericWords: ['danke', 'dank', 'vielen', 'herzlichen', 'besten', 'lieben', 'für', 'ihre', 'ihren', 'ihr', 'ihrer', 'ihrem',
      'deine', 'deinen', 'dein', 'deiner', 'deinem', 'ihnen', 'dir', 'mir', 'uns', 'euch', 'die', 'der', 'das', 'den', 'dem',
      'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'und', 'so', 'sehr', 'schnelle', 'schnellen', 'nette', 'netten',
      'freundliche', 'freundlichen', 'ausführliche', 'ausführlichen', 'liebe', 'lieben', 'anfrage', 'nachricht', 'mail',
      'e-mail', 'frage', 'rückmeldung', 'feedback', 'interesse', 'geduld', 'vertrauen', 'zeit', 'verständnis', 'angebot',
      'dass', 'sie', 'du', 'mich', 'an', 'gedacht', 'haben', 'hast', 'hat', 'gemeldet', 'geschrieben', 'schreiben',
      'kontaktaufnahme', 'anruf', 'hinweis', 'idee', 'wunsch', 'ich', 'verstehe', 'sehe', 'freue', 'über', 'eure', 'mit',
      'zu', 'zum', 'zur', 'auch', 'noch', 'wieder', 'nochmal', 'nochmals', 'es', 'ist', 'sind', 'bin', 'war', 'möchten',
      'möchtest', 'willst', 'wollen', 'brauchen', 'brauchst', 'wünschen', 'wünschst', 'gern', 'gerne', 'anliegen', 'offenheit'],
    contrastWords: ['aber', 'jedoch', 'allerdings', 'doch', 'leider'],
  },
  empathy: {
    patterns: ['ich|wir verstehe|verstehen|versteh', 'das verstehe|versteh|verstehen ich|wir', 'ich kann|könnte gut|sehr|total|absolut|voll? nachvollziehen|verstehen',
      'ich kann mir gut|lebhaft? vorstellen', 'verständlich|verständlicherweise|nachvollziehbar', 'Ihren|deinen|euren Standpunkt',
      'es|das tut mir leid ,? dass', 'das ist ärgerlich|frustrierend|stressig|nervig|belastend', 'ich weiß ,? wie|dass',
      'ich sehe ,? wie|dass', 'ich kenne das', 'ich höre', 'Ihr Ärger|Frust', 'dein Ärger|Frust',
      'gut|sehr|absolut|total|voll|durchaus nachvollziehen|verstehen', 'nachvollziehen'],
    exceptions: ['verstehe|verstehen|versteh nicht', 'nicht nachvollziehen|verstehen'],
  },
  reason: {
    patterns: ['weil', 'der Grund', 'liegt daran', '^ da {CAP}', '^ da ich|wir|du|es|mein|meine|unser|unsere|dein|deine|ihr|ihre|der|die|das|dies|diese|sich|alle',
      ', da {CAP}', ', da ich|wir|du|es|mein|meine|unser|unsere|dein|deine|ihr|ihre|der|die|das|dies|diese|sich|alle',
      ', denn', 'damit', 'sodass', 'deshalb|deswegen|daher|darum|sonst|andernfalls|folglich', 'um {WORD} zu', 'um {WORD} {WORD} zu',
      'um {WORD} {WORD} {WORD} zu', 'ausgebucht|ausgelastet|Auslastung|Kapazität|Kapazitäten|beschäftigt|eingebunden|verplant',
      'keine|kaum|wenig Zeit', 'Urlaub|Elternzeit|Krankheit', 'spezialisiert|Spezialgebiet|Schwerpunkt|Fachgebiet|Expertise|Fachkraft|Fachperson|Fachleute|Kompetenz|Kompetenzen',
      'gehört|gehören in die Hände', 'rechtlich|rechtssicher|gesetzlich|Gesetz|Datenschutz|Haftung',
      'Qualität|sorgfältig|gründlich', 'Bedingungen|AGB|Richtlinie|Richtlinien|Vertrag|vereinbart|vereinbarten|vereinbarte|Umfang',
      'laut unseren|unserer|unserem', 'kostet|kosten rund|etwa', 'gestiegen|Budget',
      'rund|etwa|ungefähr|circa|ca. {NUM}', '{NUM} Stunden|Arbeitstage|Arbeitsstunden|Wochen|Wörter|Seiten', 'verschieben|verzögern|verzögert|gefährden|riskieren',
      'Priorität|Prioritäten|priorisieren|konzentrieren', 'Gründen|Kapazitätsgründen|Zeitgründen|Qualitätsgründen',
      'gehört|gehören|zählt|zählen nicht zu', 'Sie verdienen', 'du verdienst', 'schützt|schützen|verhindert|verhindern|sichert|sichern|fängt|abfangen|absichern'],
  },
  alternative: {
    patterns: ['stattdessen|alternativ', 'als Alternative', 'was ich|wir dir|Ihnen|euch? anbieten kann|können',
      'ich|wir kann|könnte|können dir|Ihnen|euch {WORD}? {WORD}? {WORD}? anbieten|empfehlen|vorschlagen|vermitteln',
      '{GERN} {OFFER} ich|wir', '{OFFER} ich|wir Ihnen|dir|euch', 'ich|wir {OFFER} Ihnen|dir|euch {GERN}', 'ich übernehme weiterhin? {GERN}',
      'mein|unser Vorschlag', 'für {NUM} €? kann|könnte|gestalte|richte|erstelle|mache|liefere ich|wir',
      'wir können uns|gern|gerne|aber|stattdessen', 'wie wäre es mit|am', 'melde dich einfach? nächste|am|ab|im|in',
      'melden Sie sich einfach? nächste|am|ab|im|in', 'ab dem? {NUM}', 'übernimmt|übernehmen die Vertretung',
      'ich|wir stelle|stellen {GERN}? den|einen Kontakt', 'anschließend|danach können wir', '{GERN} können wir',
      'eine|als Alternative', 'ich|wir biete|bieten|schlage|schlagen|empfehle|empfehlen|vermittle|vermitteln Ihnen|dir|euch'],
    exceptions: ['kann|können ich|wir leider? nicht|nichts|kein|keine'],
  },
  clarify: {
    questionWords: ['was', 'welche', 'welcher', 'welches', 'welchen', 'welchem', 'wie', 'warum', 'weshalb', 'wieso', 'wofür',
      'wozu', 'wann', 'wo', 'woran', 'worauf', 'wer', 'wen', 'wem', 'inwiefern', 'womit', 'worüber'],
    infoRequests: ['kannst|könntest du mir|uns', 'können|könnten|würden Sie mir|uns', 'gibt es',
      'haben Sie|hast du eine|einen|ein? Vorstellung|Idee|Wunsch|Präferenz|Beispiel', 'erzählen Sie mir', 'erzähl mir',
      'lassen Sie mich wissen', 'lass mich wissen'],
    closingQuestions: ['passt|passen das|dir|Ihnen|es|euch', 'soll|sollen ich|wir', 'wie wäre es', 'wäre das|es|dir|Ihnen',
      'ist das|es ok|okay|in|recht', 'klingt das', 'einverstanden', 'lieber', 'was meinen|sagen Sie', 'was meinst|sagst du',
      'hilft das|dir|Ihnen', 'darf ich', 'kann|könnte ich', 'noch Fragen'],
  },
  salutation: ['^ hallo|hi|hey|liebe|lieber|moin|servus|grüezi', '^ sehr geehrte|geehrter', '^ guten Tag|Morgen|Abend'],
  closing: ['^ viele|beste|liebe|herzliche|freundliche|schöne Grüße', '^ mit freundlichen|besten|herzlichen Grüßen',
    '^ LG|VG|MfG|Gruß|Grüße|Danke|Herzlichst|Beste|Ciao|Tschüss'],
  inserts: {
    listen: {
      sie: 'Vielen Dank für Ihre Anfrage zu ${1:dem, worum es geht}.',
      du: 'Danke für deine Anfrage zu ${1:dem, worum es geht}.',
    },
    empathy: {
      sie: 'Ich verstehe Ihren Standpunkt ${1:und weiß, wie wichtig Ihnen das ist}.',
      du: 'Ich verstehe deinen Standpunkt ${1:und weiß, wie wichtig dir das ist}.',
    },
    reason: {
      sie: 'Der Grund ist ${1:Ihr Grund}.',
      du: 'Der Grund ist ${1:dein Grund}.',
    },
    alternative: {
      sie: 'Gerne biete ich Ihnen stattdessen ${1:Ihr Angebot} bis ${2:Datum} an.',
      du: 'Gerne biete ich dir stattdessen ${1:dein Angebot} bis ${2:Datum} an.',
    },
    clarify: {
      sie: 'Können Sie mir sagen, ${1:was Ihnen dabei am wichtigsten ist}?',
      du: 'Kannst du mir sagen, ${1:was dir dabei am wichtigsten ist}?',
    },
  },
};
