// A packet of the write pipeline (HDFS's packet: a header, the chunks' CRCs, then the
// data) as the payload of one DATA frame of the block stream, and the ack a datanode sends
// back for it once it is on disk there and at every datanode downstream:
//   packet: u32 seqno, u48 offset, u8 last (1 or 0), u32 checksum bytes, checksums, data
//   ack:    u32 seqno
// Every packet but the last holds whole checksum chunks; checksums holds one big-endian
// CRC32C per chunk of data. Integers are big-endian.
import { FRAME, FRAME_HEADER_BYTES, InvalidArgumentError, frameHeader } from '@tsmr/common';
import { CHECKSUM_BYTES } from './checksum';

/** Largest packet payload; a packet holds whole chunks, so it is rounded down to them. */
export const MAX_PACKET_BYTES = 1024 * 1024;

const PACKET_HEADER_BYTES = 15;
const ACK_BYTES = 4;

/** The largest packet frame: a packet of 1-byte chunks carries four bytes of CRC per byte. */
export const MAX_PACKET_FRAME_BYTES = PACKET_HEADER_BYTES + MAX_PACKET_BYTES * (1 + CHECKSUM_BYTES);

export interface Packet {
  seqno: number;
  /** Of data[0] within the block. */
  offset: number;
  data: Buffer;
  checksums: Buffer;
  /** The block is complete after this packet. */
  last: boolean;
}

/** The frame of `packet` up to its data (frame header, packet header, checksums): the data is sent after it as is. */
export function packetFrameHead(packet: Packet): Buffer {
  const { checksums, data } = packet;
  const head = Buffer.allocUnsafe(FRAME_HEADER_BYTES + PACKET_HEADER_BYTES + checksums.length);
  frameHeader(FRAME.DATA, PACKET_HEADER_BYTES + checksums.length + data.length).copy(head, 0);
  head.writeUInt32BE(packet.seqno, FRAME_HEADER_BYTES);
  head.writeUIntBE(packet.offset, FRAME_HEADER_BYTES + 4, 6);
  head[FRAME_HEADER_BYTES + 10] = packet.last ? 1 : 0;
  head.writeUInt32BE(checksums.length, FRAME_HEADER_BYTES + 11);
  checksums.copy(head, FRAME_HEADER_BYTES + PACKET_HEADER_BYTES);
  return head;
}

/** The packet in a frame's payload (its data and checksums are views of it); INVALID_ARGUMENT if it is not one. */
export function decodePacket(payload: Buffer, blockId: string): Packet {
  if (payload.length < PACKET_HEADER_BYTES) throw new InvalidArgumentError(`${blockId}: a packet of ${payload.length} bytes is shorter than its header`);
  const checksumBytes = payload.readUInt32BE(11);
  const last = payload[10];
  if (checksumBytes > payload.length - PACKET_HEADER_BYTES || (last !== 0 && last !== 1)) {
    throw new InvalidArgumentError(`${blockId}: a malformed packet header`);
  }
  const dataStart = PACKET_HEADER_BYTES + checksumBytes;
  return {
    seqno: payload.readUInt32BE(0),
    offset: payload.readUIntBE(4, 6),
    last: last === 1,
    checksums: payload.subarray(PACKET_HEADER_BYTES, dataStart),
    data: payload.subarray(dataStart),
  };
}

/** The ack of packet `seqno`, with room for its frame header before it (for FrameSink.send). */
export function ackPayload(seqno: number): Buffer {
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + ACK_BYTES);
  frame.writeUInt32BE(seqno, FRAME_HEADER_BYTES);
  return frame.subarray(FRAME_HEADER_BYTES);
}

export function decodeAck(payload: Buffer): number | undefined {
  return payload.length === ACK_BYTES ? payload.readUInt32BE(0) : undefined;
}
