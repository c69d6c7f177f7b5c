"""Writes renderer/src/assets/fonts/NotoSansSC-Bold.subset.ttf: the bold face that PDF figures draw bold Chinese and
Japanese text in (titles, table headers). The whole face is 10.5 MB; this subset keeps the characters of every
message file (shared/i18n/messages), kana, CJK and full-width punctuation and Latin-1, about 0.3 MB. Bold text
with a character outside it is drawn in the regular face, which has them all (renderer/src/lib/figure-fonts.ts).
Run again when the messages gain characters:

    /usr/bin/python3 scripts/subset_bold_font.py      # Debian's python3-fonttools

Noto Sans SC: SIL Open Font License 1.1 (renderer/src/assets/fonts/OFL.txt), from @expo-google-fonts/noto-sans-sc.
"""
import os
from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
SOURCE = os.path.join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')
TARGET = os.path.join(ROOT, 'renderer/src/assets/fonts/NotoSansSC-Bold.subset.ttf')
MESSAGES = os.path.join(ROOT, 'shared/i18n/messages')
# Latin and Latin-1, general punctuation, CJK punctuation with kana, full-width forms.
RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x206F), (0x3000, 0x30FF), (0xFF00, 0xFFEF)]


def characters():
    chars = set()
    for locale in sorted(os.listdir(MESSAGES)):
        for name in sorted(os.listdir(os.path.join(MESSAGES, locale))):
            with open(os.path.join(MESSAGES, locale, name), encoding='utf8') as file:
                chars |= {ord(c) for c in file.read() if ord(c) >= 0x20}
    for first, last in RANGES:
        chars |= set(range(first, last + 1))
    return sorted(chars)


def main():
    options = subset.Options()
    options.layout_features = []  # jsPDF lays out glyph by glyph: no GSUB/GPOS needed
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # copyright, names, version, licence and its URL
    options.notdef_outline = True
    options.hinting = False
    font = TTFont(SOURCE)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=characters())
    subsetter.subset(font)
    font.save(TARGET)
    print(f'{TARGET}: {os.path.getsize(TARGET)} bytes')


if __name__ == '__main__':
    main()
