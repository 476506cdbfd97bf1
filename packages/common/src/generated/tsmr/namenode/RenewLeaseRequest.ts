// Original file: proto/namenode.proto


export interface RenewLeaseRequest {
  'clientName'?: (string);
}

export interface RenewLeaseRequest__Output {
  'clientName': (string);
}
