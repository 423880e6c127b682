/** A labelled select in the same layout as Field. */
export function Select<V extends string>(props: {
  label: string;
  name: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
  width?: 'short' | 'medium' | 'long';
}) {
  const id = `f-${props.name}`;
  return (
    <div className={`field field-${props.width ?? 'medium'}`}>
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value as V)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
