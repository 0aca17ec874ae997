# Rewrites docs/decisions/README.md from the records (run from the repository top: python3 docs/decisions/make-index.py).
import re,glob,os
rows=[]
for f in sorted(glob.glob('docs/decisions/[0-9]*.md')):
    s=open(f).read()
    title=s.split('\n',1)[0].lstrip('# ').strip()
    m=re.search(r'Status:\s*([^\n·(]+)',s)
    status=m.group(1).strip().rstrip('.') if m else '?'
    rows.append((os.path.basename(f),title,status))
out=['# Decisions (ADRs)','','One line per decision: its file, its title, its status. `ArchitectureDecisionsTest` (src/test) keeps this',
     'index complete: a new ADR must carry a `Status:` line and be listed here.','','| ADR | Decision | Status |','|---|---|---|']
for f,t,st in rows:
    out.append(f'| [{f[:4]}]({f}) | {t.split(" ",1)[1].lstrip("—. ").strip() if " " in t else t} | {st} |')
open('docs/decisions/README.md','w').write('\n'.join(out)+'\n')
