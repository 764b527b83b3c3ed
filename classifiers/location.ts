// Location parser (stub: being written). Pure: no I/O.
export interface Location {
  building: string | null
  unit: string | null
  floor: string | null
  room: string | null
}

export function parseLocation(_text: string): Location | null {
  return null
}

export function parseTopic(_topic: string): Location | null {
  return null
}
