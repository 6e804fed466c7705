import type { ConversionData } from '../generated/models.js';
import { Conversion } from '../models/records.js';
import { ModelResource } from './resource.js';
import type { ResourceContext } from './resource.js';

/** Conversions (target `Conversion`). */
export class ConversionResource extends ModelResource<Conversion, ConversionData> {
  constructor(context: ResourceContext) {
    super(context, 'Conversion', Conversion);
  }
}
