import type { GoalData } from '../generated/models.js';
import { Goal } from '../models/records.js';
import { ModelResource } from './resource.js';
import type { ResourceContext } from './resource.js';

/** Offer goals (target `Goal`). */
export class GoalResource extends ModelResource<Goal, GoalData> {
  constructor(context: ResourceContext) {
    super(context, 'Goal', Goal);
  }
}
