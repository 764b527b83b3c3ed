// The building and its utilities. Shared faults (corridor light, elevator,
// water cut) reported by several neighbours merge into one ticket per place.
import { sharedFault } from '../classifiers/fault.ts'
import type { CategoryHandler } from './category-handler.ts'

export const repair: CategoryHandler = {
  faultKey: (r, loc) => {
    const fault = sharedFault(r.text)
    // Without a building we cannot tell two places apart: no merge.
    return fault && loc?.building ? `${loc.building}-${loc.unit ?? ''}-${fault}` : null
  },
  ack: ({ ticket, created, merged }) => {
    if (merged) return `收到,#${ticket.id} 已有邻居反映过同一问题,维修已在安排,处理好会告诉大家。`
    return created ? `收到,已登记 #${ticket.id}(报修),管家会安排维修师傅。` : `收到,已补充到 #${ticket.id}。`
  },
}
