import { NativeSelect } from '@mantine/core';

const WIDTH = { short: 170, medium: 300, long: 520 } as const;

/** A labelled select in the same layout as Field; native, so the OS list and the keyboard work as everywhere. */
export function Select<V extends string>(props: {
  label: string;
  name: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
  width?: 'short' | 'medium' | 'long';
}) {
  return (
    <NativeSelect
      id={`f-${props.name}`}
      label={props.label}
      name={props.name}
      value={props.value}
      data={props.options}
      onChange={(e) => props.onChange(e.currentTarget.value as V)}
      w="100%"
      maw={WIDTH[props.width ?? 'medium']}
      mb="sm"
    />
  );
}
