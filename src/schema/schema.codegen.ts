// Entry for graphql-codegen (loaded through tsx): the schema exactly as the gateway builds it.
import 'reflect-metadata';
import { PRODUCTS } from '../products.js';
import { buildGatewaySchema } from './build-schema.js';

export const schema = await buildGatewaySchema(PRODUCTS);
