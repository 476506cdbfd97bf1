// Wiring: opens the namespace, rebuilds what lives in memory, serves both protocols on one
// port, and runs the periodic work every heartbeat interval.
import { RpcServer, createLogger, namenodeProto, type ClientProtocolHandlers, type DatanodeProtocolHandlers, type Logger } from '@tsmr/common';
import { BlockManager } from './block-manager';
import { clientProtocol } from './client-protocol';
import { parseNamenodeOptions, type NamenodeConfig, type NamenodeOptions } from './config';
import { DatanodeManager } from './datanode-manager';
import { datanodeProtocol } from './datanode-protocol';
import { LeaseManager } from './lease-manager';
import { Namespace } from './namespace';
import { ReplicationMonitor } from './replication-monitor';
import { SafeMode } from './safe-mode';

/** The namenode's parts, as the protocol handlers see them (HDFS's FSNamesystem). */
export interface Namesystem {
  config: NamenodeConfig;
  namespace: Namespace;
  blocks: BlockManager;
  datanodes: DatanodeManager;
  leases: LeaseManager;
  safeMode: SafeMode;
  log: Logger;
}

export interface Namenode {
  /** host:port it serves on. */
  readonly address: string;
  stop(): Promise<void>;
}

export async function startNamenode(options: NamenodeOptions, log: Logger = createLogger('namenode')): Promise<Namenode> {
  const config = parseNamenodeOptions(options);
  const namespace = new Namespace(config.dir);
  const datanodes = new DatanodeManager(config.deadNodeTimeoutMs, log);
  const blocks = new BlockManager(datanodes, log);
  blocks.load(namespace.allBlocks());
  const leases = new LeaseManager(config.leaseTimeoutMs);
  const now = Date.now();
  for (const file of namespace.filesBeingWritten()) leases.add(file.leaseHolder, file.id, now);
  const safeMode = new SafeMode(config.safeModeThreshold, blocks, log);
  safeMode.update();
  const ns: Namesystem = { config, namespace, blocks, datanodes, leases, safeMode, log };
  const monitor = new ReplicationMonitor(blocks, datanodes, config.heartbeatIntervalMs, now + config.deadNodeTimeoutMs, log);

  const { ClientProtocol, DatanodeProtocol } = namenodeProto();
  const server = new RpcServer({ host: config.host, port: config.port, secret: config.secret, log })
    .addService<ClientProtocolHandlers>(ClientProtocol.service, clientProtocol(ns))
    .addService<DatanodeProtocolHandlers>(DatanodeProtocol.service, datanodeProtocol(ns));
  let address: string;
  try {
    address = await server.start();
  } catch (err) {
    namespace.close();
    throw err;
  }

  const timer = setInterval(() => {
    try {
      periodicWork(ns, monitor, Date.now());
    } catch (err) {
      log.error({ err }, 'periodic work failed');
    }
  }, config.heartbeatIntervalMs);
  log.info({ address, dir: config.dir, safeMode: safeMode.active }, 'namenode started');

  return {
    address,
    async stop() {
      clearInterval(timer);
      await server.stop();
      namespace.close();
      log.info({ address }, 'namenode stopped');
    },
  };
}

/** Dead datanodes, then (outside safe mode) expired leases and replication. */
function periodicWork(ns: Namesystem, monitor: ReplicationMonitor, now: number): void {
  for (const node of ns.datanodes.removeDeadNodes(now)) ns.blocks.removeDatanode(node);
  if (ns.safeMode.active) return;
  for (const { holder, files } of ns.leases.takeExpired(now)) {
    for (const fileId of files) ns.blocks.remove(ns.namespace.deleteFileBeingWritten(fileId, now));
    ns.log.info({ holder, files: files.length }, 'lease expired: unfinished files deleted');
  }
  monitor.tick(now);
}
