"""Who is named, with what role, and who does what: people, organisations, speakers, requests.

Rules work on one sentence at a time, in the article's own words: a role is what the article calls
the person ("Kremlin spokesman", "the separatist region's former prime minister"), never looked up.
"""
from __future__ import annotations

import re
from . import words
from ..model import Mention, Request

_CAP = r"[A-Z][a-zà-ÿ’'-]+"
NAME = rf"(?P<name>{_CAP}(?:\s+(?:{_CAP}|[A-Z]\.)){{0,3}}\s+{_CAP})"
HEADS = (r"(?:[Pp]resident|[Pp]rime [Mm]inister|[Ff]oreign [Mm]inister|[Dd]efen[cs]e [Mm]inister|[Mm]inister|"
         r"[Ss]pokes(?:wo)?man|[Ss]pokesperson|[Ll]eader|[Cc]hief|[Hh]ead|[Oo]mbudsman|[Cc]ommissioner|[Oo]fficial|"
         r"[Ee]nvoy|[Aa]mbassador|[Ss]ecretary(?: of [Ss]tate)?|[Aa]dministrator|[Dd]irector|[Cc]hancellor|[Pp]rosecutor|"
         r"[Cc]ommander|[Cc]oordinator|[Cc]hair(?:man|woman|person)?|[Ss]peaker|[Gg]overnor|[Mm]ayor|[Ss]enator|"
         r"[Rr]epresentative|[Cc]orrespondent|[Aa]nalyst|[Rr]esearcher|[Pp]rofessor|[Aa]ide|[Aa]dviser|[Aa]dvisor|"
         r"[Cc]ountry [Dd]irector|[Mm]ember of [Pp]arliament|MP|[Pp]atriarch|[Pp]ope)")
_MOD = r"(?:\(?[A-Z][\w.’'-]*\)?(?:’s|'s)?|de facto|former|acting|deputy|then|top|senior|separatist|region’s|region's|its|the|" \
       r"foreign|defen[cs]e|interior|state|human rights|humanitarian|regional|local|self-declared|ethnic Armenian|Armenian|Azerbaijani|Russian)"
# "Armenian Prime Minister Nikol Pashinyan", "Kremlin spokesman Dmitry Peskov",
# "the separatist region's former prime minister, Ruben Vardanian"
ROLE_NAME = re.compile(rf"(?P<role>(?:(?:the|a|an)\s+)?(?:{_MOD}\s+){{0,5}}{HEADS}(?:\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,6}})?)"
                       rf"(?P<comma>,)?\s+{NAME}")
# "Nikol Pashinyan, Armenia's prime minister," / "Ruben Vardanian, a billionaire who …": role up to the next comma
NAME_ROLE = re.compile(rf"{NAME},\s+(?P<role>(?:the\s+|a\s+|an\s+)?(?:{_MOD}\s+){{0,5}}{HEADS}(?:\s+(?:of|for)\s+[^,.;]{{2,50}})?)\s*[,.;]")
NOT_NAMES = re.compile(r"^(?:The|A|An|In|On|At|For|But|And|As|If|Nagorno|Karabakh|Armenia|Azerbaijan|Russia|Moscow|Yerevan|Baku|"
                       r"Stepanakert|Goris|Kornidzor|Lachin|"
                       + "|".join(w.title() for w in (*words.WEEKDAYS, *words.MONTH_NAMES)) + "|"
                       r"United|European|International|State|Red|Republic|Defense|Defence|Foreign|Health|Ministry|Department)$")
ORG_HEADS = (r"(?:Committee|Court|Agency|Service|Department|Ministry|Union|Council|Federation|Nations|Office|Commission|"
             r"Bank|Fund|Parliament|Organi[sz]ation|Programme|Program|Mission|Societies|Society|Crescent|Cross|Watch|"
             r"Institute|Assembly|Alliance|Force|Forces|Army|Police|Embassy|Kremlin|Senate|Congress)")
ORG = re.compile(rf"(?P<name>(?:(?:the|The)\s+)?(?:(?:[A-Z][\w.’'-]*|of|for|and|on)\s+){{0,7}}?{ORG_HEADS}"
                 rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,6}})?)(?:\s+\((?P<abbr>[A-Z][A-Za-z/]{{1,8}})\))?")
SAID = r"(?:said|says|told|wrote|added|announced|stated|noted|declared|stressed|warned)"
SPEAKER_AFTER = re.compile(rf"[”\"]\s*,?\s*(?P<who>[^,.;”\"]{{2,80}}?)\s+{SAID}\b|"
                           rf",\s*(?P<who2>[^,.;”\"]{{2,80}}?)\s+{SAID}(?:\s+(?:on|in|at|late|early)\s+[^,.;]{{1,30}})?\s*\.?$")
PRONOUNS = {"he", "she", "they", "it"}
NOT_ORGS = {"Soviet Union"}               # a former state, not an organisation
AUX = re.compile(r"\s+(?:has|have|had|is|are|was|were|will|would|also|then)\b.*$")
REQUEST_VERB = re.compile(r"\b(?P<verb>(?:has |have |had )?(?:asked|urged|called on|appealed to|requested|(?:is |are |was )?seeking|sought|"
                          r"(?:has |have )?appealed for|announced an? (?:\w+ )?appeal|launched an? (?:\w+ )?appeal))\s+", re.I)


HELP = re.compile(r"\b(?:aid|assist\w*|help\w*|shelters?|medical|suppl\w+|missions?|monitor\w*|measures|protect\w*|"
                  r"observers?|access|humanitarian|fund\w*|relief|food|evacuat\w*|refugees)\b", re.I)


def _clean_role(role: str) -> str:
    role = role.strip(" ,")
    parts = re.split(r"\s+(?:of|for)\s+", role)
    if len(parts) > 1 and re.search(HEADS + r"$", parts[-1]):
        role = parts[-1]                   # "spokeswoman for Armenian Prime Minister| Nikol Pashinyan"
    abbr = re.search(r"\((?P<abbr>[A-Z][A-Za-z/]{1,8})\)\s+(?P<rest>.+)$", role)
    if abbr:                               # "International Development (USAID) chief" -> "USAID chief"
        role = f"{abbr.group('abbr')} {abbr.group('rest')}"
    return re.sub(r"^(?:the|a|an)\s+", "", role, flags=re.I)


def people(text: str) -> list[Mention]:
    """People named with a role in one sentence, in order."""
    found: dict[str, Mention] = {}
    for rx in (ROLE_NAME, NAME_ROLE):
        for m in rx.finditer(text):
            name = re.sub(r"\s+", " ", m.group("name"))
            first = name.split()[0]
            if NOT_NAMES.match(first) or NOT_NAMES.match(name.split()[-1]):
                continue
            role = _clean_role(re.sub(r"\s+", " ", m.group("role")))
            if name not in found:
                found[name] = Mention(name, role, "person", start=m.start("name"))
    return sorted(found.values(), key=lambda x: x.start)


def organisations(text: str) -> list[Mention]:
    """Organisations named in one sentence, in order ("the International Committee of the Red Cross (ICRC)")."""
    out = []
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


def speaker(text: str) -> str | None:
    """Who a sentence is attributed to: '…," Baerbock said.' / '…, the office of X said on Saturday.'"""
    m = SPEAKER_AFTER.search(text)
    if not m:
        m2 = re.match(rf"(?P<who>(?:[A-Z][\w.’'-]*\s+){{0,6}}?[A-Z][\w.’'-]*)(?:\s+(?:on|last|this|late|early)\s+[\w ]{{1,20}}?)?\s+{SAID}\b", text)
        return m2.group("who").strip() if m2 else None
    who = (m.group("who") or m.group("who2") or "").strip()
    return who or None


def subject_before(text: str, pos: int) -> str | None:
    """The noun phrase a verb at `pos` follows: the last clause's words before it, minus fillers;
    the sentence's own subject when the clause has none ("… and urged parliament")."""
    head = text[:pos]
    head = re.split(r"[,;:]\s+|\s[-–—]\s|[”\"]\s*", head)[-1].strip()
    head = re.sub(r"^(?:Meanwhile|Earlier|Later|Also|And|But|So|Now|However|Instead|and|but|so)\s+", "", head)
    head = AUX.sub("", head)
    own = re.match(rf"(?P<x>.+?)\s+{SAID}\s+(?:that\s+)?(?:it|they|he|she)$", head)
    if own:                                  # "Japan said it would provide": Japan
        head = own.group("x")
    head = re.sub(r"\s+(?:on|last|this|next|over the)\s+\w+$", "", head).strip()
    if not head or head[0].islower() and head.lower() not in PRONOUNS:
        m = re.match(r"(?:The\s+)?(?:[A-Z][\w.’'-]*)(?:\s+(?:of|for|and|the|[A-Z][\w.’'-]*))*", text.strip())
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
    """'Yerevan asked the UN to send a monitoring mission …' -> asker, whom, what."""
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


AID_VERB = re.compile(r"\b(?:announced|pledged|provided|allocated|gave|give|sent|send|committed|donated|approved|"
                      r"increas\w*|offered|released|earmarked|granted|will provide|would provide)\b", re.I)


def donor(text: str, start: int, known: list[Mention]) -> str | None:
    """Who gives an amount: the speaker of a quote, else the subject of the giving verb before it."""
    who = None
    verbs = [m for m in AID_VERB.finditer(text[:start])]
    if text.lstrip().startswith(("“", '"')):
        who = speaker(text)
    if who is None and verbs:
        who = subject_before(text, verbs[-1].start())
    if who is None:
        who = speaker(text)
    return resolve(who, known)


SIDES = (("Azerbaijani side", r"\bAzerbaijan\w*|\bBaku\b"),
         ("Armenian side", r"\bArmenia\w*|\bYerevan\b|\bKarabakh\b|\bseparatist\w*|\bStepanakert\b"),
         ("Russian peacekeepers", r"\bRussia\w*|\bpeacekeep\w*"))


def side(who: str | None, text: str, start: int) -> str | None:
    """Whose casualties: from the counted words ("192 Azerbaijani soldiers"), else, for "its/their
    soldiers", from whoever the sentence's subject is ("Azerbaijan's Defence Ministry said two of its soldiers")."""
    if who and re.search(r"\bcivilians?\b", who):
        return "civilians"
    for name, rx in SIDES:
        if who and re.search(rx, who):
            return name
    clause = text[:start]
    if re.search(r"\b(?:its|their|our)\s*$", clause.rstrip() + " ") or re.search(r"\bof\s+(?:its|their|our)\b", text[start:start + 40]):
        subject = subject_before(text, start) or text
        for name, rx in SIDES:
            if re.search(rx, subject):
                return name
    return None


AID_WHAT = re.compile(r"(?P<what>(?:(?:additional|humanitarian|emergency|financial|military|new|extra|further|international|"
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
