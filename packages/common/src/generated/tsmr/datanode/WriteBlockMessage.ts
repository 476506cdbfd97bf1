// Original file: proto/datanode.proto

import type { WriteHeader as _tsmr_datanode_WriteHeader, WriteHeader__Output as _tsmr_datanode_WriteHeader__Output } from '../../tsmr/datanode/WriteHeader';
import type { Packet as _tsmr_datanode_Packet, Packet__Output as _tsmr_datanode_Packet__Output } from '../../tsmr/datanode/Packet';

export interface WriteBlockMessage {
  'header'?: (_tsmr_datanode_WriteHeader | null);
  'packet'?: (_tsmr_datanode_Packet | null);
  'message'?: "header"|"packet";
}

export interface WriteBlockMessage__Output {
  'header'?: (_tsmr_datanode_WriteHeader__Output | null);
  'packet'?: (_tsmr_datanode_Packet__Output | null);
  'message'?: "header"|"packet";
}
