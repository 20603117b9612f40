"""Who is named, with what role, and who does what: people, organisations, speakers, requests.

Rules work on one sentence at a time, in the article's own words: a role is what the article calls
the person ("Kremlin spokesman", "the separatist region's former prime minister"), never looked up.
"""
from __future__ import annotations

import functools
import re

from . import words
from .nations import ADJECTIVES, NATIONS
from ..model import Mention, Request
from ..patterns import Programs

_PATTERNS = Programs(__file__)      # compiled once, kept beside the bytecode (patterns.py)

# Letters in any alphabet (Python's \w is Unicode-aware): a capital is a letter that is not a lowercase
# Latin-1 one, a small letter one that is not a Latin-1 capital (listing every alphabet's cases makes each
# pattern slow to compile).
UP = r"^\W\d_a-zß-öø-ÿ"
LOW = r"^\W\d_A-ZÀ-ÖØ-Þ"
# a capitalised word: "Škorić", "Tomáš", "Jean-Pierre", "Dvořák’s"
_CAP = rf"[{UP}][{LOW}]+(?:[’'][{LOW}]+)*(?:-[{UP}]?[{LOW}]+)*"
NAME = rf"(?P<name>{_CAP}(?:\s+(?:{_CAP}|[{UP}]\.)){{0,3}}\s+{_CAP})"
HEADS = (r"(?:(?:[Ss]ecretary|[Pp]rosecutor|[Aa]ttorney|[Dd]irector|[Ii]nspector|[Cc]onsul|[Ss]urgeon|[Gg]overnor|"
         r"[Cc]ommissioner)[- ][Gg]eneral|[Pp]resident|[Pp]rime [Mm]inister|[Ff]oreign [Mm]inister|[Dd]efen[cs]e [Mm]inister|[Mm]inister|"
         r"[Ss]pokes(?:wo)?man|[Ss]pokesperson|[Ll]eader|[Cc]hief|[Hh]ead|[Oo]mbudsman|[Cc]ommissioner|[Oo]fficial|"
         r"[Ee]nvoy|[Aa]mbassador|[Ss]ecretary(?: of [Ss]tate)?|[Aa]dministrator|[Dd]irector|[Cc]hancellor|[Pp]rosecutor|"
         r"[Cc]ommander|[Cc]oordinator|[Cc]hair(?:man|woman|person)?|[Ss]peaker|[Gg]overnor|[Mm]ayor|[Ss]enator|"
         r"[Rr]epresentative|[Cc]orrespondent|[Aa]nalyst|[Rr]esearcher|[Pp]rofessor|[Aa]ide|[Aa]dviser|[Aa]dvisor|"
         r"[Cc]ountry [Dd]irector|[Mm]ember of [Pp]arliament|MP|[Pp]atriarch|[Pp]ope)")
# Any nation's adjective is a role's modifier ("ethnic Ruritanian", "Freedonian"): the world table, every nation alike.
_NATIONAL = "|".join(re.escape(a) for a in sorted(ADJECTIVES, key=len, reverse=True))
# A one-word adjective is already a capitalised modifier (the first alternative): only those of two
# words ("South African", one modifier, not two) are listed, which keeps the pattern fast to search.
_SPACED = "|".join(re.escape(a) for a in sorted(ADJECTIVES, key=len, reverse=True) if " " in a) or "(?!)"
_MOD = rf"(?:\(?[{UP}][\w.’'-]*\)?(?:’s|'s)?|de facto|former|acting|deputy|then|top|senior|separatist|region’s|region's|its|the|" \
       r"foreign|defen[cs]e|interior|state|human rights|humanitarian|regional|local|self-declared|" \
       rf"ethnic (?:{_NATIONAL})|(?:{_SPACED}))"
# "Freedonian Prime Minister Anton Kessler", "Kremlin spokesman Ivo Marek",
# "the separatist region's former prime minister, Mara Velt"
ROLE = rf"(?:(?:the|a|an)\s+)?(?:{_MOD}\s+){{0,5}}{HEADS}(?:\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,6}})?"
ROLE_NAME = _PATTERNS.compile(rf"(?P<role>{ROLE})(?P<comma>,)?\s+{NAME}")
# "Anton Kessler, Freedonia's prime minister," / "Mara Velt, a billionaire who …": role up to the next comma
NAME_ROLE = _PATTERNS.compile(rf"{NAME},\s+(?P<role>(?:the\s+|a\s+|an\s+)?(?:{_MOD}\s+){{0,5}}{HEADS}(?:\s+(?:of|for)\s+[^,.;]{{2,50}})?)\s*[,.;]")
# What every NAME holds: a capitalised word, white space, a capital. Searched first, it leaves most sentences
# after a quick scan for capitals (ROLE_NAME and NAME_ROLE try their many role words at every position).
TWO_NAMES = _PATTERNS.compile(rf"{_CAP}\s+[{UP}]")
# Words that are never part of a person's name (the topic's `places` are added to these).
NOT_NAMES = _PATTERNS.compile(r"^(?:The|A|An|In|On|At|For|But|And|As|If|"
                              + "|".join(w.title() for w in (*words.WEEKDAYS, *words.MONTH_NAMES)) + "|"
                              r"United|European|International|State|Red|Republic|Defense|Defence|Foreign|Health|Ministry|Department)$")
ORG_HEADS = (r"(?:Committee|Court|Agency|Service|Department|Ministry|Union|Council|Federation|Nations|Office|Commission|"
             r"Bank|Fund|Parliament|Organi[sz]ation|Programme|Program|Mission|Societies|Society|Crescent|Cross|Watch|"
             r"Institute|Assembly|Alliance|Force|Forces|Army|Police|Embassy|Kremlin|Senate|Congress)")
ORG_HEAD = _PATTERNS.compile(ORG_HEADS)
ORG = _PATTERNS.compile(rf"(?P<name>(?:(?:the|The)\s+)?(?:(?:[A-Z][\w.’'-]*|of|for|and|on)\s+){{0,7}}?{ORG_HEADS}"
                        rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,6}})?)(?:\s+\((?P<abbr>[A-Z][A-Za-z/]{{1,8}})\))?")
SAID = r"(?:said|says|told|wrote|added|announced|stated|noted|declared|stressed|warned)"
WHEN_SAID = r"(?:\s+(?:on|in|at|late|early)\s+[^,.;]{1,30})?"
# '…," Baerbock said.' / '…, the ministry said on Monday.' / '…, the ministry announced, Reuters reports.'
SPEAKER_AFTER = _PATTERNS.compile(rf"[”\"]\s*,?\s*(?P<who>[^,.;”\"]{{2,80}}?)\s+{SAID}\b|"
                                  rf",\s*(?P<who2>[^,.;”\"]{{2,80}}?)\s+{SAID}{WHEN_SAID}(?:,\s*[^,.;]{{2,40}}\s+report(?:s|ed))?\s*\.?$")
# 'Moldova's ombudsman Ion Rusu said …' / 'Kyiv said …' at the start of a sentence
SPEAKER_FIRST = _PATTERNS.compile(rf"(?P<who>{ROLE}(?:,?\s+{NAME})?|(?:[{UP}][\w.’'-]*\s+){{0,6}}?[{UP}][\w.’'-]*),?"
                                  rf"(?:\s+(?:on|last|this|late|early)\s+[\w ]{{1,20}}?)?\s+{SAID}\b")
ACCORDING = _PATTERNS.compile(r"\b[Aa]ccording to\s+(?P<who>[^,;:”\"()]{2,80}?)\s*(?:[,;:”\"(]|(?<!\b[A-Z])\.(?=\s|$)|$)")
PRONOUNS = {"he", "she", "they", "it"}
NOT_ORGS = {"Soviet Union"}               # a former state, not an organisation
AUX = _PATTERNS.compile(r"\s+(?:has|have|had|is|are|was|were|will|would|also|then)\b.*$")
REQUEST_VERB = _PATTERNS.compile(r"\b" + words.may_start("hauclrisw") + r"(?P<verb>(?:has |have |had )?(?:asked|urged|called on|appealed to|requested|(?:is |are |was )?seeking|sought|"
                                 r"(?:has |have )?appealed for|announced an? (?:\w+ )?appeal|launched an? (?:\w+ )?appeal))\s+", re.I)


HELP = _PATTERNS.compile(r"\b(?:aid|assist\w*|help\w*|shelters?|medical|suppl\w+|missions?|monitor\w*|measures|protect\w*|"
                         r"observers?|access|humanitarian|fund\w*|relief|food|evacuat\w*|refugees)\b", re.I)


def _clean_role(role: str, nested: bool) -> str:
    """`nested`: the name follows the role's last head directly, so that head is the person's role
    ("spokeswoman for Freedonian Prime Minister| Anton Kessler"); after a comma the whole role is theirs."""
    role = re.sub(r"\s+", " ", role).strip(" ,")
    parts = re.split(r"\s+(?:of|for)\s+", role)
    if nested and len(parts) > 1 and re.search(HEADS + r"$", parts[-1]):
        role = parts[-1]
    abbr = re.search(r"\((?P<abbr>[A-Z][A-Za-z/]{1,8})\)\s+(?P<rest>.+)$", role)
    if abbr:                               # "International Development (USAID) chief" -> "USAID chief"
        role = f"{abbr.group('abbr')} {abbr.group('rest')}"
    return re.sub(r"^(?:the|a|an)\s+", "", role, flags=re.I)


def _person(m: re.Match, offset: int = 0, places: frozenset[str] = frozenset()) -> Mention | None:
    """The person a role-and-name match names; none for a place, a day, a title ("Prime Minister") or a
    body ("Security Council", "General's Office")."""
    name = re.sub(r"[’']s$", "", re.sub(r"\s+", " ", m.group("name")))    # "Anton Kessler’s government"
    parts = re.split(r"[\s-]", name)
    if re.search(rf"[’']s\s|\b(?:{HEADS}|{ORG_HEADS})$", name) or any(NOT_NAMES.match(w) or w in places for w in (parts[0], parts[-1])):
        return None
    nested = m.re is ROLE_NAME and not m.group("comma")
    return Mention(name, _clean_role(m.group("role"), nested), "person", start=offset + m.start("name"))


@functools.cache
def place_words(places: tuple[str, ...]) -> frozenset[str]:
    """The words of the topic's place names ("Port Avalon" gives "Port" and "Avalon")."""
    return frozenset(w for p in places for w in re.split(r"[\s-]+", p) if w)


def people(text: str, places: tuple[str, ...] = ()) -> list[Mention]:
    """People named with a role in one sentence, in order; also the person a role names before a comma
    ("the spokeswoman for Prime Minister X, Y": Y, and X with "Prime Minister")."""
    found: dict[str, Mention] = {}
    if not TWO_NAMES.search(text):          # no name: neither pattern can match
        return []
    never = place_words(places)
    for rx in (ROLE_NAME, NAME_ROLE):
        for m in rx.finditer(text):
            inner = ROLE_NAME.finditer(m.group("role")) if rx is ROLE_NAME and m.group("comma") else ()
            for p in (_person(m, 0, never), *(_person(i, m.start("role"), never) for i in inner)):
                if p is not None and p.name not in found:
                    found[p.name] = p
    return sorted(found.values(), key=lambda x: x.start)


def organisations(text: str) -> list[Mention]:
    """Organisations named in one sentence, in order ("the International Committee of the Red Cross (ICRC)")."""
    out: list[Mention] = []
    if not ORG_HEAD.search(text):           # every organisation's name has one: a quick scan for capitals
        return out
    for m in ORG.finditer(text):
        name = re.sub(r"^(?:the|The)\s+", "", re.sub(r"\s+", " ", m.group("name"))).strip()
        if len(name.split()) < 2 and name not in ("Kremlin",):
            continue
        if re.match(r"(?:of|for|and|on)\b", name) or name in NOT_ORGS:
            continue
        left, _, right = name.partition(" and ")
        if right and not re.search(ORG_HEADS, left):   # "Samantha Power and State Department"
            name = right
        out.append(Mention(name, None, "organisation", abbr=m.group("abbr"), start=m.start("name")))
    return out


def mentioned(text: str, known: list[Mention], named: list[Mention]) -> list[Mention]:
    """Everyone a sentence refers to, in order: the newly named, and known people by surname alone."""
    hits = [(m.start, m) for m in named]
    people_known = {m.name: m for m in known if m.kind == "person"}
    for m in people_known.values():
        if any(n.name == m.name for n in named):
            continue
        found = re.search(rf"\b{re.escape(m.name.split()[-1])}\b", text)
        if found:
            hits.append((found.start(), m))
    return [m for _, m in sorted(hits, key=lambda h: h[0])]


def _source_words(who: str | None) -> str | None:
    """A speaker as the sentence names them ("Fredville", "the ombudsman", "she"), without a leading "and";
    none for other words ("officials", "and", "September's figures")."""
    who = re.sub(r"^(?:(?:and|but|while|as|then|also|so)\s+)+", "", (who or "").strip(), flags=re.I)
    bare = re.sub(r"^(?:the|a|an)\s", "", who, flags=re.I)
    if re.match(rf"(?:{words.MONTH_IN_TEXT}|{words.WEEKDAY})\b", bare):
        return None
    if who.lower() in PRONOUNS or re.search(rf"[{UP}]|\b{HEADS}\b", bare):
        return who
    return None


def said_by(text: str) -> str | None:
    """Who a sentence quotes or reports: '…," Baerbock said.' / '…, the office of X said on Saturday.' /
    'Freedonia's ombudsman said …'."""
    after, first = SPEAKER_AFTER.search(text), SPEAKER_FIRST.match(text)
    return (_source_words(after and (after.group("who") or after.group("who2")))
            or _source_words(first and first.group("who")))


def speaker(text: str) -> str | None:
    """Who a sentence is attributed to: who it quotes or reports, else "according to X"."""
    m = ACCORDING.search(text)
    return said_by(text) or (_source_words(m.group("who")) if m else None)


REPORTED = rf"(?:{SAID}|recalled|explained|confirmed|reported)"
# "… formally decided on Thursday to (allocate)": the subject is before the intention
INTENT = _PATTERNS.compile(r"\s+(?:\w+ly\s+)?(?:decided|agreed|voted|promised|pledged|plans?|planned|intends?|intended|wants?|"
                           r"(?:is|are|was|were) (?:set|going|due))(?:\s+(?:on|last|this|next)\s+\w+)?\s+to$")


def subject_before(text: str, pos: int) -> str | None:
    """The noun phrase a verb at `pos` follows: the last clause's words before it, minus fillers and a
    reporting clause ("He recalled that the government"); the sentence's own subject when the clause has
    none ("… and urged parliament")."""
    head = text[:pos]
    head = re.split(r"[,;:]\s+|\s[-–—]\s|[”\"]\s*", head)[-1].strip()
    head = re.sub(r"^(?:Meanwhile|Earlier|Later|Also|And|But|So|Now|However|Instead|and|but|so)\s+", "", head)
    head = INTENT.sub("", AUX.sub("", head))
    own = re.match(rf"(?P<x>.+?)\s+{SAID}\s+(?:that\s+)?(?:it|they|he|she)$", head)
    if own:                                  # "Japan said it would provide": Japan
        head = own.group("x")
    head = re.sub(rf"^.*\b{REPORTED}\s+(?:that\s+)?(?=\S)", "", head)
    head = re.sub(r"\s+(?:on|last|this|next|over the)\s+\w+$", "", head).strip()
    if not head or head[0].islower() and head.lower() not in PRONOUNS and not re.match(rf"the\s+[{UP}]", head):
        m = re.match(rf"{ROLE}(?:,?\s+{NAME})?(?=,|\s)|(?:The\s+)?(?:[A-Z][\w.’'-]*)(?:\s+(?:of|for|and|the|[A-Z][\w.’'-]*))*",
                     text.strip())
        head = m.group(0) if m else ""
    if not head or len(head.split()) > 12:
        return None
    return head


def resolve(who: str | None, known: list[Mention]) -> str | None:
    """A pronoun or surname to the person the article last named with it; otherwise as written."""
    if not who:
        return None
    if who.lower() in PRONOUNS:
        persons = [m for m in known if m.kind == "person"]
        return persons[-1].name if persons and who.lower() in ("he", "she") else None
    for m in reversed(known):
        if m.kind == "person" and (who == m.name or who == m.name.split()[-1] or who.endswith(" " + m.name)):
            return m.name
    return who




def request(text: str, known: list[Mention]) -> Request | None:
    """'Fredville asked the UN to send a monitoring mission …' -> asker, whom, what."""
    m = REQUEST_VERB.search(text)
    if not m:
        return None
    asker = resolve(subject_before(text, m.start()), known)
    if not asker:
        return None
    rest = text[m.end():]
    parts = re.split(r",\s+(?:[^,]{2,80}?)\s+" + SAID + r"\b.*|[”\"]", rest, maxsplit=1)
    cut = len(parts) > 1 and re.search(r"\w", rest[len(parts[0]):]) and not re.match(r",\s", rest[len(parts[0]):])
    rest = parts[0]
    whom = None
    verb = m.group("verb").lower()
    rest = re.sub(r"^(?P<w>(?:\S+\s+){1,8}?)(?:on|last|this|over the|in)\s+(?:\w+\s+)?\d{0,2},?\s*(?=to\s|for\s)", r"\g<w>", rest)
    seeking = re.match(r"(?P<what>.+?)\s+from\s+(?P<whom>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)(?P<tail>.*)", rest)
    if "appeal" in verb and "appealed to" not in verb:
        what = rest
    elif ("seek" in verb or "sought" in verb) and seeking:
        whom, what = seeking.group("whom"), (seeking.group("what") + seeking.group("tail")).strip()
    else:
        w = re.match(r"(?P<whom>(?:\S+\s+){0,8}?\S+)\s+(?P<what>(?:to|for)\s.+)", rest)
        if w:
            whom, what = w.group("whom"), w.group("what")
        else:
            f = re.match(r"(?P<what>.+?)\s+from\s+(?P<whom>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)(?P<tail>.*)", rest)
            if f:
                whom, what = f.group("whom"), (f.group("what") + f.group("tail")).strip()
            else:
                what = rest
    what = re.sub(r"\s+", " ", what).strip(" ,.")
    if not what:
        return None
    if cut:
        what += " …"                         # the sentence goes on (a quotation follows)
    if not (HELP.search(what) or (whom and re.search(ORG_HEADS + r"|\b[A-Z]{2,}\b", whom))):
        return None                        # a demand of another kind ("urged the residents to stay")
    return Request(asker=asker, whom=whom, what=what)


AID_VERB = _PATTERNS.compile(r"\b(?:announced|pledged|provided|allocated|allocate|gave|give|sent|send|committed|donated|approved|"
                             r"increas\w*|offered|released|earmarked|granted|will provide|would provide)\b", re.I)
COUNTRIES = set(NATIONS.values())
_HEAD = _PATTERNS.compile(rf"\b{HEADS}\b")
_ABBR = _PATTERNS.compile(r"[A-Z][A-Z.&/]*[A-Z]\.?")                  # "EU", "USAID", "U.N."
_BODY = _PATTERNS.compile(rf"(?:[{UP}][\w.’'-]*\s+|(?:of|for|and|the)\s+)*(?:{ORG_HEADS}|[Gg]overnment)")


def _body(phrase: str) -> str | None:
    """A country or organisation, as written ("Chile", "the Security Council", "UNICEF"), else None."""
    phrase = re.sub(r"^(?:the|The)\s+", "", phrase.strip(" ,"))
    if phrase in NATIONS:
        return NATIONS[phrase]
    return phrase if phrase in COUNTRIES or _ABBR.fullmatch(phrase) or _BODY.fullmatch(phrase) else None


def _leading(phrase: str) -> str | None:
    """The country or organisation named before a role's head: "U.S. State Department| spokesman",
    "German| Foreign Minister", "EU| Commissioner", "UN| High Commissioner"."""
    org = re.match(rf"(?:[{UP}][\w.’'-]*\s+)*?{ORG_HEADS}\b", phrase)
    if org:
        return org.group(0)
    first = phrase.split()[:2]
    for n in (2, 1):                         # "South Korean", "German"
        if len(first) >= n and " ".join(first[:n]) in NATIONS:
            return NATIONS[" ".join(first[:n])]
    return first[0] if first and _ABBR.fullmatch(first[0]) else None


def giver(role: str | None) -> str | None:
    """The country or organisation a role is held for: "Dutch Foreign Minister" Netherlands, "EU Commissioner"
    EU, "Italy's prime minister" Italy, "President of Chile" Chile, "spokeswoman for Norwegian Prime
    Minister X" Norway; none when the role names neither ("Health Minister", "Minister of Health")."""
    role = re.sub(r"^(?:the|a|an)\s+", "", role or "")
    own = re.match(rf"(?P<x>[{UP}][^’',]*?)[’']s\s", role)
    if own:
        x = own.group("x")
        return giver(x) if _HEAD.search(x) else _body(x)
    head = _HEAD.search(role)
    if not head:
        return None
    of = re.match(r"\s+(?:of|for)\s+(?P<x>.+)$", role[head.end():])
    found = _leading(role[:head.start()])
    if found or not of:
        return found
    return giver(of.group("x")) if _HEAD.search(of.group("x")) else _body(of.group("x"))


def _giver_words(text: str, start: int) -> str | None:
    """The words for who gives an amount: the speaker of a quote, else the subject of the giving verb before it."""
    who = None
    verbs = list(AID_VERB.finditer(text[:start]))
    if text.lstrip().startswith(("“", '"')):
        who = said_by(text)
    if who is None and verbs:
        who = subject_before(text, verbs[-1].start())
    return who if who is not None else said_by(text)


def _named(who: str, known: list[Mention], places: tuple[str, ...] = ()) -> Mention | None:
    """The person `who` is (a pronoun, a surname, a name with its role), as the article named them:
    the latest mention whose role names a country or organisation, else the latest."""
    name = resolve(who, known)
    hits = [m for m in reversed(known) if m.kind == "person" and m.name == name]
    hits = hits or [m for m in people(who, places) if who.endswith(m.name)]
    return next((m for m in hits if giver(m.role)), hits[0] if hits else None)


def donor(text: str, start: int, known: list[Mention], places: tuple[str, ...] = ()) -> str | None:
    """Who gives an amount: a country or organisation. A person gives for the one their role names
    ("Dutch Foreign Minister Pieter Bakker": Netherlands); none if the role names none."""
    who = _giver_words(text, start)
    if not who or who.lower() in PRONOUNS and resolve(who, known) is None:
        return None
    person = _named(who, known, places)
    if person is not None:
        return giver(person.role)
    return re.sub(r"^(?:the|The)\s+", "", who)


def announcer(text: str, start: int, known: list[Mention], places: tuple[str, ...] = ()) -> str | None:
    """The person who announced an amount a country or organisation gives ("Pieter Bakker")."""
    who = _giver_words(text, start)
    person = _named(who, known, places) if who else None
    return person.name if person else None


def side(who: str | None, text: str, start: int, sides: tuple[tuple[str, str], ...] = ()) -> str | None:
    """Whose casualties, among the topic's `sides` ((name, pattern of its words)): from the counted words
    ("192 Freedonian soldiers"), else, for "its/their soldiers", from whoever the sentence's subject is
    ("Freedonia's Defence Ministry said two of its soldiers"). Civilians are who was hit, not a side:
    "two civilians" alone says no side. With no sides, none ("not stated" on the pages)."""
    for name, rx in sides:
        if who and re.search(rx, who):
            return name
    clause = text[:start]
    if re.search(r"\b(?:its|their|our)\s*$", clause.rstrip() + " ") or re.search(r"\bof\s+(?:its|their|our)\b", text[start:start + 40]):
        subject = subject_before(text, start) or text
        for name, rx in sides:
            if re.search(rx, subject):
                return name
    return None


AID_WHAT = _PATTERNS.compile(r"(?P<what>(?:(?:additional|humanitarian|emergency|financial|military|new|extra|further|international|"
                             r"economic|medical|food|urgent|initial|direct)\s+){0,3}(?:(?:aid|assistance)(?:\s+package)?|package|funding|"
                             r"appeal|support|relief|grant|loan|donation|contribution)s?)\b")


def purpose(text: str, start: int, end: int) -> str | None:
    """What an amount is, in the article's words: after it ("a $11.5 million humanitarian aid package"),
    else just before it ("additional funding for the ICRC from 2 to 5 million")."""
    after = AID_WHAT.match(re.sub(r"^\s*(?:(?:in|of|as)\s+)?", "", text[end:]))
    if after:
        return after.group("what")
    before = list(AID_WHAT.finditer(re.split(r"[.;:]\s", text[:start])[-1]))
    return before[-1].group("what").strip() if before else None


_PATTERNS.save()
