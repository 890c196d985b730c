/** Terminal styles used by the CLI. */
export type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'green' | 'cyan'

/** Apply a style to text, or leave it plain when colors are off. */
export type Paint = (style: Style, text: string) => string

// Open and close codes per style, so nested or adjacent styles reset only what they set.
const codes: Record<Style, [number, number]> = {bold: [1, 22], dim: [2, 22], red: [31, 39], yellow: [33, 39], green: [32, 39], cyan: [36, 39]}

/**
 * Whether to color a stream: never when `NO_COLOR` is set to a non-empty value (https://no-color.org)
 * or `FORCE_COLOR` is `0` or `false`; always when `FORCE_COLOR` is otherwise set; else only on a
 * terminal that is not `TERM=dumb`.
 */
export function colorEnabled(env: Readonly<Record<string, string | undefined>>, isTty: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  return isTty && env.TERM !== 'dumb'
}

/** A painter that styles text when `enabled`, and returns it unchanged otherwise. */
export function createPaint(enabled: boolean): Paint {
  return (style, text) => (enabled ? `\u001B[${codes[style][0]}m${text}\u001B[${codes[style][1]}m` : text)
}
