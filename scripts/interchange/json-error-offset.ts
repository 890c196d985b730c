/**
 * Offset of the first syntax error in a JSON text (V8's JSON.parse messages in Node 20 give none), so
 * an import error can point at its line and column. Only called on text JSON.parse rejected.
 */
export function jsonErrorOffset(text: string): number {
  let index = 0
  const space = () => {
    while (index < text.length && /\s/.test(text[index]!)) index++
  }
  const fail = (): never => {
    throw index
  }
  const string = () => {
    if (text[index] !== '"') fail()
    index++
    while (index < text.length && text[index] !== '"') {
      if (text[index] === '\\') index++
      else if (text.charCodeAt(index) < 0x20) fail()
      index++
    }
    if (index >= text.length) fail()
    index++
  }
  const value = (): void => {
    space()
    const character = text[index]
    if (character === '{' || character === '[') {
      const close = character === '{' ? '}' : ']'
      index++
      space()
      if (text[index] === close) {
        index++
        return
      }
      for (;;) {
        if (close === '}') {
          space()
          string()
          space()
          if (text[index] !== ':') fail()
          index++
        }
        value()
        space()
        if (text[index] === ',') index++
        else if (text[index] === close) {
          index++
          return
        } else fail()
      }
    }
    if (character === '"') return string()
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(index))
    if (literal === null) fail()
    index += literal![0].length
  }
  try {
    value()
    space()
    if (index < text.length) fail()
  } catch (offset) {
    return offset as number
  }
  return index
}
