// Which shared fault a repair message is about, so that several neighbours
// reporting the corridor light of 6栋1单元 become one ticket. Only faults of
// shared parts qualify: two leaking kitchens are two tickets. Pure.

export type SharedFault =
  'corridor-light' | 'street-light' | 'elevator' | 'water-outage' | 'power-outage' | 'gas-outage' | 'access-control' | 'internet' | 'drain'

const PATTERNS: [SharedFault, RegExp][] = [
  ['elevator', /电梯|升降梯|直梯/],
  ['street-light', /路灯|外面的灯|门口的灯|单元门口灯/],
  ['corridor-light', /楼道.{0,4}灯|走廊.{0,4}灯|楼梯.{0,4}灯|声控灯|感应灯|过道.{0,4}灯/],
  ['access-control', /门禁|单元门|大门.{0,4}(坏|打不开|开不了|锁)/],
  ['water-outage', /停水|没水|断水|水停了|没有水|不来水/],
  ['power-outage', /停电|没电|断电|跳闸了.{0,6}整栋|整栋.{0,6}(没电|停电)/],
  ['gas-outage', /停气|没有?(天然|燃)气/],
  ['internet', /断网|网断了|没网|宽带.{0,4}(坏|断|不行)|网络.{0,4}(断|不行|连不上)/],
  ['drain', /下水道.{0,6}(堵|冒|反水)|化粪池|污水井/],
]

export function sharedFault(normalizedText: string): SharedFault | null {
  for (const [fault, re] of PATTERNS) if (re.test(normalizedText)) return fault
  return null
}
