import { ObjectType } from '../object-type.js';
import { Connection } from '../unified/connection.type.js';
import { CommvaultHypervisor } from './hypervisor.type.js';
import { CommvaultVirtualMachine } from './virtual-machine.type.js';

@ObjectType({ description: 'Hypervisors merged across CommServes, by name.' })
export class CommvaultHypervisorConnection extends Connection(CommvaultHypervisor, 'CommvaultHypervisorEdge') {}

@ObjectType({ description: 'Virtual machines merged across CommServes, by name.' })
export class CommvaultVirtualMachineConnection extends Connection(CommvaultVirtualMachine, 'CommvaultVirtualMachineEdge') {}
