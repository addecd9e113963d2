import { registerEnumType } from 'type-graphql';

export enum StorageMedium {
  DISK = 'DISK',
  CLOUD = 'CLOUD',
  TAPE = 'TAPE',
  OTHER = 'OTHER',
}

registerEnumType(StorageMedium, { name: 'StorageMedium', description: 'What a storage pool writes to.' });
