import { Breadcrumb } from 'antd';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { Link } from 'react-router';

/** One step of the trail: a record's name, with the address of its page unless it is the page shown. */
export interface Crumb {
  label: string;
  to?: string;
}

const CrumbsContext = createContext<(trail: Crumb[] | null) => void>(() => undefined);

/**
 * Where the user is, above every page: the section, then the records a page names (a case, then its document).
 * The section alone until a page says more; a page's trail goes when the page does.
 */
export function CrumbsProvider({ children }: { children: (trail: Crumb[] | null) => ReactNode }) {
  const [trail, setTrail] = useState<Crumb[] | null>(null);
  return <CrumbsContext.Provider value={setTrail}>{children(trail)}</CrumbsContext.Provider>;
}

/** A record page names itself (and what it belongs to) in the trail. */
export function useCrumbs(trail: Crumb[] | null) {
  const set = useContext(CrumbsContext);
  const key = JSON.stringify(trail);
  useEffect(() => {
    set(trail);
    return () => set(null);
    // The trail by value: a new array of the same crumbs each render changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, set]);
}

/** The trail as shown in the header: the section (a link unless it is the page), then the page's crumbs. */
export function Crumbs({ section, trail }: { section: Crumb | null; trail: Crumb[] | null }) {
  const all = [...(section ? [section] : []), ...(trail ?? [])];
  if (!all.length) return null;
  return (
    <div data-testid="breadcrumbs" style={{ minWidth: 0, overflow: 'hidden' }}>
      <Breadcrumb
        items={all.map((c, i) => ({
          key: `${i}`,
          title: c.to && i < all.length - 1 ? <Link to={c.to}>{c.label}</Link> : <span>{c.label}</span>,
        }))}
      />
    </div>
  );
}
