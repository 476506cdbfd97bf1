// Original file: proto/namenode.proto

export const BlockHealth = {
  BLOCK_HEALTH_UNSPECIFIED: 'BLOCK_HEALTH_UNSPECIFIED',
  HEALTHY: 'HEALTHY',
  UNDER_REPLICATED: 'UNDER_REPLICATED',
  OVER_REPLICATED: 'OVER_REPLICATED',
  /**
   * no live replica at all
   */
  MISSING: 'MISSING',
  /**
   * enough live replicas, plus corrupt ones still to remove
   */
  CORRUPT_REPLICAS: 'CORRUPT_REPLICAS',
} as const;

export type BlockHealth =
  | 'BLOCK_HEALTH_UNSPECIFIED'
  | 0
  | 'HEALTHY'
  | 1
  | 'UNDER_REPLICATED'
  | 2
  | 'OVER_REPLICATED'
  | 3
  /**
   * no live replica at all
   */
  | 'MISSING'
  | 4
  /**
   * enough live replicas, plus corrupt ones still to remove
   */
  | 'CORRUPT_REPLICAS'
  | 5

export type BlockHealth__Output = typeof BlockHealth[keyof typeof BlockHealth]
