export interface EntityListItem {
  id: string;
  name: string;
  /** A second line (URL, username, client ID); read as the item's description. */
  detail?: string;
  badge?: string;
}

interface EntityListProps {
  /** "Environments": the list's accessible name and heading. */
  title: string;
  items: EntityListItem[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  newLabel: string;
  onNew: () => void;
  empty: string;
}

/** The list column of a library view: its entities and a "New …" button. */
export function EntityList({
  title,
  items,
  selectedId,
  onSelect,
  newLabel,
  onNew,
  empty,
}: EntityListProps) {
  const headingId = `${title.toLowerCase().replace(/\W+/g, '-')}-list-title`;

  return (
    <section className="entity-list" aria-labelledby={headingId}>
      <div className="entity-list-head">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="button button--small" onClick={onNew}>
          {newLabel}
        </button>
      </div>
      {items.length === 0 ? (
        <p className="hint entity-list-empty">{empty}</p>
      ) : (
        <ul>
          {items.map((item) => {
            const detailId = `entity-${item.id}-detail`;
            return (
              <li key={item.id}>
                <button
                  type="button"
                  className="list-button entity-item"
                  aria-current={item.id === selectedId ? 'true' : undefined}
                  aria-label={item.name}
                  aria-describedby={item.detail ? detailId : undefined}
                  onClick={() => onSelect(item.id)}
                >
                  <span className="entity-item-name">
                    {/* Cut with an ellipsis; the title shows the whole name on hover. */}
                    <span className="entity-item-label" title={item.name}>
                      {item.name}
                    </span>
                    {item.badge && <span className="badge">{item.badge}</span>}
                  </span>
                  {item.detail && (
                    <span id={detailId} className="entity-item-detail">
                      {item.detail}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
