import { Box, Text } from '@mantine/core';
import classes from './overview.module.css';

/**
 * The figures of a chart as a list of links: what a keyboard or a screen reader uses, and what a
 * treasurer reads when the bars are too small to see.
 */
export function FigureLinks({ label, figures }: { label: string; figures: { key: string; label: string; value: string; href: string; swatch?: string }[] }) {
  return (
    <ul className={classes.figures} aria-label={label}>
      {figures.map((f) => (
        <li key={f.key}>
          <a className={classes.figure} href={f.href}>
            <Text size="sm" component="span">
              {f.swatch && <Box component="span" display="inline-block" w={10} h={10} mr={8} style={{ background: f.swatch, borderRadius: 2 }} aria-hidden />}
              {f.label}
            </Text>
            <Text size="sm" component="span" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {f.value}
            </Text>
          </a>
        </li>
      ))}
    </ul>
  );
}
