import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { FetchRequest as _tsmr_worker_FetchRequest, FetchRequest__Output as _tsmr_worker_FetchRequest__Output } from './tsmr/worker/FetchRequest';
import type { ShuffleClient as _tsmr_worker_ShuffleClient, ShuffleDefinition as _tsmr_worker_ShuffleDefinition } from './tsmr/worker/Shuffle';
import type { ShuffleChunk as _tsmr_worker_ShuffleChunk, ShuffleChunk__Output as _tsmr_worker_ShuffleChunk__Output } from './tsmr/worker/ShuffleChunk';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tsmr: {
    worker: {
      FetchRequest: MessageTypeDefinition<_tsmr_worker_FetchRequest, _tsmr_worker_FetchRequest__Output>
      Shuffle: SubtypeConstructor<typeof grpc.Client, _tsmr_worker_ShuffleClient> & { service: _tsmr_worker_ShuffleDefinition }
      ShuffleChunk: MessageTypeDefinition<_tsmr_worker_ShuffleChunk, _tsmr_worker_ShuffleChunk__Output>
    }
  }
}

