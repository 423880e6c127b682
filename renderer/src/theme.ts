import { createTheme, darken, defaultVariantColorsResolver, parseThemeColor, type MantineColorsTuple, type VariantColorsResolver } from '@mantine/core';

/**
 * Penning's one theme: the calm navy of the first screens (sidebar #16324a, accent #1f5f8b),
 * system fonts and tabular figures so amounts line up. Shade 6 is the accent, 8 the sidebar.
 */
const navy: MantineColorsTuple = ['#eef4f9', '#e8f1f8', '#c9dcec', '#a4c3dd', '#7ba6cb', '#4f86b3', '#1f5f8b', '#174a6d', '#16324a', '#0e2233'];

const fieldWithAlert = { defaultProps: { errorProps: { role: 'alert' } } };

/**
 * Mantine's light variant (badges, light buttons) writes shade 6 on a tint of itself: too pale for
 * WCAG AA with green, teal, orange or yellow. The text takes a darkened shade 9 instead.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return base;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return base;
  return { ...base, color: darken(input.theme.colors[parsed.color]![9], 0.25), hoverColor: darken(input.theme.colors[parsed.color]![9], 0.25) };
};


export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: 6,
  variantColorResolver,
  colors: { navy },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: {
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.6rem', lineHeight: '1.3' },
      h2: { fontSize: '1.1rem', lineHeight: '1.4' },
      h3: { fontSize: '1rem', lineHeight: '1.4' },
    },
  },
  defaultRadius: 'md',
  radius: { xs: '3px', sm: '4px', md: '6px', lg: '10px', xl: '16px' },
  // the root font size stays 15px (styles.css), so Mantine's rem-based sizes follow it
  spacing: { xs: '0.5rem', sm: '0.75rem', md: '1rem', lg: '1.25rem', xl: '2rem' },
  black: '#1d2430',
  other: { muted: '#667085', line: '#e3e6eb' },
  components: {
    // a field's message is announced when it appears, as the hand-made fields did
    TextInput: fieldWithAlert,
    Textarea: fieldWithAlert,
    NativeSelect: fieldWithAlert,
    Select: fieldWithAlert,
    MultiSelect: fieldWithAlert,
    NumberInput: fieldWithAlert,
    PasswordInput: fieldWithAlert,
    Card: { defaultProps: { withBorder: true, radius: 'lg', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'lg' } },
    Tooltip: { defaultProps: { withArrow: true, multiline: true, maw: 320 } },
    Notification: { defaultProps: { radius: 'md' } },
    Modal: { defaultProps: { radius: 'lg', centered: true } },
    Table: { defaultProps: { verticalSpacing: 'xs', highlightOnHover: true } },
  },
});
