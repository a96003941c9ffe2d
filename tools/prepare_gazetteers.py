"""Derives the word lists in assets/gazetteers/ from the permissively licensed
data in ../shared/data (see assets/NOTICE for credits and licences):
common_words_id.txt and train_entities.tsv from the idner-news-2k and NERGrit
*training* splits, the filtered DBpedia name lists, wilayah.txt and
first_names.txt. The hand-made lists (manual.tsv, titles.txt, cue_verbs.txt,
stop_caps.txt) are not generated.

usage: python3 tools/prepare_gazetteers.py [DATA_DIR] [OUT_DIR]
"""
import collections, re, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
D = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', '..', 'shared', 'data')
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, '..', 'assets', 'gazetteers')
def toks(path, sep=None):
    sents=[];cur=[]
    for line in open(path,encoding='utf-8'):
        line=line.rstrip('\n')
        if not line.strip():
            if cur: sents.append(cur); cur=[]
            continue
        p=line.split('\t') if '\t' in line else line.split(' ')
        cur.append((p[0],p[-1]))
    if cur: sents.append(cur)
    return sents
S=toks(f'{D}/ner/idner-news-2k/train.txt')+toks(f'{D}/ner/nergrit/train_preprocess.txt')
low=collections.Counter(); cap=collections.Counter()
ents={}
for s in S:
    for i,(w,t) in enumerate(s):
        if w.isalpha() and w.islower(): low[w]+=1
        elif w.isalpha() and w[:1].isupper() and i>0: cap[w.lower()]+=1
    cur=None
    for w,t in s+[('','O')]:
        if t.startswith('B-') or t=='O' or (t.startswith('I-') and cur is None):
            if cur: ents.setdefault(' '.join(cur[1]),collections.Counter())[cur[0]]+=1
            cur=[t[2:],[w]] if t!='O' else None
        else: cur[1].append(w)
common=set(w for w,c in low.items() if len(w)>1)
mostly_low=set(w for w,c in low.items() if c>=cap[w])
with open(f'{OUT}/common_words_id.txt','w') as f:
    f.write('# lower-case words seen in the idner-news-2k (MIT) and NERGrit (Apache-2.0) training text\n')
    for w in sorted(common): f.write(w+'\n')
LMAP={'PER':'PERSON','PERSON':'PERSON','ORG':'ORG','ORGANISATION':'ORG','LOC':'LOC','PLACE':'LOC'}
def okname(n, curated=False):
    ws=n.split()
    if not ws or len(ws)>6 or len(n)>50 or '?' in n: return False
    if not n[0].isupper(): return False
    if len(ws)==1 and (ws[0].lower() in common or len(n)<3) : return False
    if not curated and all(w.lower() in common for w in ws): return False
    if not re.fullmatch(r"[\w .,'’&\-]+",n): return False
    return True
with open(f'{OUT}/train_entities.tsv','w') as f:
    f.write('# entity names from the idner-news-2k (MIT) and NERGrit (Apache-2.0) training sets: LABEL<TAB>name\n')
    for n,c in sorted(ents.items()):
        l,k=c.most_common(1)[0]
        if okname(n) and l in LMAP: f.write(f'{LMAP[l]}\t{n}\n')
def clean_db(path,label,comma_first):
    out=set()
    for line in open(path,encoding='utf-8'):
        n=line.strip()
        n=re.sub(r'\s*\(.*?\)','',n).strip()
        if comma_first and ',' in n: n=n.split(',')[0].strip()
        if okname(n): out.add(n)
    return out
for fn,lab,cf in [('person','PERSON',False),('place','LOC',True),('organization','ORG',False)]:
    s=clean_db(f'{D}/gazetteers/dbpedia-id/{fn}.txt',lab,cf)
    with open(f'{OUT}/dbpedia_{fn}.txt','w') as f:
        f.write('# filtered from Indonesian DBpedia names (Alfina et al. 2016), CC BY-SA; see assets/NOTICE\n')
        for n in sorted(s): f.write(n+'\n')
# wilayah
w=set()
for fn in ['provinces.tsv','regencies_cities.tsv','districts_kecamatan.tsv']:
    for line in open(f'{D}/gazetteers/wilayah/{fn}',encoding='utf-8'):
        n=line.rstrip('\n').split('\t')[-1].strip()
        w.add(n)
        m=re.match(r'(Kabupaten|Kota|Kab\.|Provinsi)\s+(.*)',n)
        if m: w.add(m.group(2))
w=[n for n in w if okname(n, curated=len(n.split())>1)]
with open(f'{OUT}/wilayah.txt','w') as f:
    f.write('# Indonesian administrative regions (Kepmendagri 2025) from cahyadsn/wilayah, MIT\n')
    for n in sorted(w): f.write(n+'\n')
fn=[]
for line in list(open(f'{D}/gazetteers/first-names/nama-gender-combined.csv',encoding='utf-8'))[1:]:
    n,a,b=line.strip().split(',')
    if int(a)+int(b)>=150 and n.isalpha() and len(n)>2 and n not in mostly_low: fn.append(n)
with open(f'{OUT}/first_names.txt','w') as f:
    f.write('# Indonesian given names with >= 150 occurrences, from the frasa package (Noviyanto Rahmadi), MIT\n')
    for n in sorted(fn): f.write(n+'\n')
import shutil; shutil.copy(f'{D}/gazetteers/titles/spacy_id_title_abbreviations.txt', f'{OUT}/spacy_id_title_abbreviations.txt')

# Entity names are written from tokens; join the tokenizer's space before . , and '
path = f'{OUT}/train_entities.tsv'
text = open(path, encoding='utf-8').read().replace(' .', '.').replace(' ,', ',').replace(" '", "'")
open(path, 'w', encoding='utf-8').write(text)
